// Images in a course's Markdown text: a line of its own, `![what it shows](address)`. The
// address is the installation's own (`/course-images/…`) or an https link; the words say what
// the image shows, for whoever cannot see it. Nothing else of Markdown's image syntax is read.

export interface CourseImage {
  alt: string;
  src: string;
}

const imageLine = /^!\[([^\]]*)\]\(([^()\s]+)\)$/;

/** The image a line of Markdown shows, if it is one. */
export function imageOfLine(line: string): CourseImage | null {
  const match = imageLine.exec(line.trim());
  if (!match) return null;
  return { alt: (match[1] ?? '').trim(), src: match[2] ?? '' };
}

/** Addresses a course may show an image from: this installation, or any site over https. */
export function isImageAddress(src: string): boolean {
  if (src.startsWith('/')) return !src.startsWith('//');
  return URL.parse(src)?.protocol === 'https:';
}

/** What is wrong with an image in a course text, in words a coordinator can act on. */
export function imageProblem(image: CourseImage): { code: string; message: string } | null {
  if (!isImageAddress(image.src)) {
    return {
      code: 'image_address',
      message: `The image “${image.src}” must be an https:// link or an address on this site, such as /course-images/circle.svg.`,
    };
  }
  if (image.alt === '') {
    return {
      code: 'image_words',
      message: `Say in words what the image “${image.src}” shows, between the brackets: ![what it shows](${image.src}).`,
    };
  }
  return null;
}
