import { html, type SafeHtml } from './html.ts';

// One layout for every email: a template lists its blocks once, and the layout writes both the
// plain-text part and the HTML part from them, so the two never say different things. The
// footer carries the link to choose which emails a person gets.

export type Language = 'en' | 'es';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Every template takes its data and the reader's language, and returns the whole email. */
export type Template<Data> = (data: Data, language: Language) => RenderedEmail;

/** What every email's data carries: where the reader changes which emails they get. */
export interface EmailBase {
  preferencesUrl: string;
  /** Set for an email the reader asked for on its own: the footer offers to stop it instead. */
  unsubscribeUrl?: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'note'; text: string };

const WORDS = {
  en: {
    copyLink: 'If the button does not work, copy this address into your browser:',
    preferences: 'Choose which emails you get from Restorativ',
    unsubscribe: 'Stop these emails',
  },
  es: {
    copyLink: 'Si el botón no funciona, copie esta dirección en su navegador:',
    preferences: 'Elija qué correos recibe de Restorativ',
    unsubscribe: 'Dejar de recibir estos correos',
  },
} as const;

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;';
const SMALL = 'font-size:14px;line-height:1.5;color:#4a4f55;';
const BUTTON =
  'display:inline-block;padding:12px 20px;background:#1d4e89;color:#ffffff;' +
  'text-decoration:none;border-radius:6px;font-weight:bold;';

/** Links in emails are web addresses only: never javascript: or another scheme. */
export function webAddress(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new TypeError('An email link must be an http or https address.');
  }
  return parsed.href;
}

/** Names and titles from people: one line, so that they cannot break a subject header. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A moment as people read it, e.g. "Friday, June 12, 2026 at 6:00 PM UTC". */
export function formatMoment(moment: Date, language: Language, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(moment);
}

/** A due day as people read it, e.g. "Friday, March 12, 2027". */
export const formatDay = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

function textOf(block: Block): string {
  if (block.kind === 'action') return `${block.label}:\n${block.url}`;
  return block.text;
}

function htmlOf(block: Block, language: Language): SafeHtml {
  if (block.kind === 'paragraph') return html`<p style="margin:0 0 16px;">${block.text}</p>`;
  if (block.kind === 'note') return html`<p style="margin:0 0 16px;${SMALL}">${block.text}</p>`;
  return html`<p style="margin:24px 0;"><a href="${block.url}" style="${BUTTON}">${block.label}</a></p>
<p style="margin:0 0 16px;${SMALL}">${WORDS[language].copyLink}<br><a href="${block.url}" style="color:#1d4e89;word-break:break-all;">${block.url}</a></p>`;
}

export function layout(input: {
  language: Language;
  subject: string;
  blocks: Block[];
  preferencesUrl: string;
  unsubscribeUrl?: string | undefined;
}): RenderedEmail {
  const { language, blocks } = input;
  const subject = oneLine(input.subject);
  const words = WORDS[language];
  const footer = input.unsubscribeUrl
    ? { label: words.unsubscribe, url: webAddress(input.unsubscribeUrl) }
    : { label: words.preferences, url: webAddress(input.preferencesUrl) };
  const safeBlocks = blocks.map((block) =>
    block.kind === 'action' ? { ...block, url: webAddress(block.url) } : block,
  );

  // "-- " on its own line is the signature separator that mail programs recognise.
  const text = `${safeBlocks.map(textOf).join('\n\n')}\n\n-- \n${footer.label}:\n${footer.url}\n`;

  const page = html`<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;">
<div role="article" aria-label="${subject}" lang="${language}" style="max-width:560px;margin:0 auto;padding:24px 16px;${FONT}">
${safeBlocks.map((block) => htmlOf(block, language))}
<hr style="border:none;border-top:1px solid #d0d7de;margin:32px 0 16px;">
<p style="margin:0;${SMALL}"><a href="${footer.url}" style="color:#1d4e89;">${footer.label}</a></p>
</div>
</body>
</html>
`;
  return { subject, text, html: page.value };
}
