import { createElement, type ReactNode } from 'react';
import { imageOfLine, imageProblem } from '../../../shared/training/course-images.ts';

// The Markdown of course texts, as the starter curriculum writes it: paragraphs, `##` and `###`
// headings, `-` and `1.` lists, `**bold**` and `*italic*`, and an image on a line of its own
// (shared/training/course-images.ts). It becomes React elements, never HTML,
// so that no text of an imported course can put markup or script on the page. Anything else is
// shown as the plain text it is.

export interface Span {
  kind: 'text' | 'strong' | 'em';
  text: string;
}

export type Block =
  | { kind: 'heading'; depth: 2 | 3; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Span[][] }
  | { kind: 'image'; alt: string; src: string };

const emphasis = /\*\*(.+?)\*\*|\*(.+?)\*/g;

/** A line's bold and italic parts; a lone asterisk stays as written. */
export function parseSpans(line: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const match of line.matchAll(emphasis)) {
    if (match.index > from) spans.push({ kind: 'text', text: line.slice(from, match.index) });
    const [, strong, em] = match;
    if (strong !== undefined) spans.push({ kind: 'strong', text: strong });
    else if (em !== undefined) spans.push({ kind: 'em', text: em });
    from = match.index + match[0].length;
  }
  if (from < line.length) spans.push({ kind: 'text', text: line.slice(from) });
  return spans;
}

const headingLine = /^(#{2,3})\s+(.*)$/;
const bulletLine = /^[-*]\s+(.*)$/;
const numberedLine = /^(\d{1,3})[.)]\s+(.*)$/;

/** The text's blocks in order; a blank line ends a paragraph or a list. */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { kind: 'list' }> | undefined;
  const endParagraph = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', spans: parseSpans(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push(list);
    list = undefined;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = headingLine.exec(line);
    const bullet = bulletLine.exec(line);
    const numbered = numberedLine.exec(line);
    const image = imageOfLine(line);
    if (line === '') {
      endParagraph();
      endList();
    } else if (image && !imageProblem(image)) {
      endParagraph();
      endList();
      blocks.push({ kind: 'image', ...image });
    } else if (heading) {
      endParagraph();
      endList();
      const depth = heading[1] === '##' ? 2 : 3;
      blocks.push({ kind: 'heading', depth, spans: parseSpans(heading[2] ?? '') });
    } else if (bullet || numbered) {
      endParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) endList();
      list ??= { kind: 'list', ordered, start: Number(numbered?.[1] ?? 1), items: [] };
      list.items.push(parseSpans(numbered?.[2] ?? bullet?.[1] ?? ''));
    } else if (list && list.items.length > 0 && raw.startsWith(' ')) {
      // An indented line continues the list item above it.
      const last = list.items.pop() ?? [];
      list.items.push([...last, { kind: 'text', text: ' ' }, ...parseSpans(line)]);
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}

function renderSpans(spans: readonly Span[]): ReactNode[] {
  return spans.map((span, index) => {
    const key = `${index}`;
    if (span.kind === 'strong') return createElement('strong', { key }, span.text);
    if (span.kind === 'em') return createElement('em', { key }, span.text);
    return span.text;
  });
}

const headingTags = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** The heading element `levels` below h2, kept at h6 at the deepest. */
function headingTag(level: number): (typeof headingTags)[number] {
  return headingTags[Math.min(Math.max(level, 2), 6) - 2] ?? 'h6';
}

/**
 * A course text. `headingLevel` is the level of the heading the text sits under (a lesson's
 * h3, say): its `##` headings come one level below it, and its `###` two.
 */
export function Markdown({ text, headingLevel }: { text: string; headingLevel: number }) {
  return (
    <div className="training-markdown">
      {parseMarkdown(text).map((block, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === 'heading') {
          return createElement(
            headingTag(headingLevel + block.depth - 1),
            { key },
            renderSpans(block.spans),
          );
        }
        if (block.kind === 'list') {
          const items = block.items.map((item, at) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the items never move; they are read once.
            <li key={at}>{renderSpans(item)}</li>
          ));
          return block.ordered ? (
            <ol key={key} start={block.start === 1 ? undefined : block.start}>
              {items}
            </ol>
          ) : (
            <ul key={key}>{items}</ul>
          );
        }
        if (block.kind === 'image') {
          return (
            <figure key={key} className="training-markdown__image">
              <img src={block.src} alt={block.alt} loading="lazy" />
            </figure>
          );
        }
        return <p key={key}>{renderSpans(block.spans)}</p>;
      })}
    </div>
  );
}
