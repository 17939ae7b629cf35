// A tiny HTML builder for emails: every value put into an `html` template is escaped, unless it
// is itself built with `html`. Names, program titles and links come from people, so a name like
// "<script>" must arrive as text.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

type Fragment = string | number | SafeHtml | readonly Fragment[];

function render(fragment: Fragment): string {
  if (fragment instanceof SafeHtml) return fragment.value;
  if (Array.isArray(fragment)) return fragment.map(render).join('');
  return escapeHtml(String(fragment));
}

export function html(strings: TemplateStringsArray, ...values: Fragment[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, text, index) => {
      const value = values[index - 1];
      return out + (value === undefined ? '' : render(value)) + text;
    }),
  );
}
