import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { html, type SafeHtml } from '../../../platform/mail/templates/html.ts';
import type { RegisterLanguage } from './words.ts';
import { words } from './words.ts';

// The frame of every public register page: semantic landmarks, a skip link, the language switch
// and one small stylesheet (the Content-Security-Policy allows no inline style or script, and
// the pages need neither). The stylesheet's name carries its hash, so it is cached for a year.

export const stylesheet = readFileSync(new URL('./register.css', import.meta.url), 'utf8');
export const STYLESHEET_PATH = `/register/register-${createHash('sha256')
  .update(stylesheet)
  .digest('hex')
  .slice(0, 12)}.css`;

/** A link on the register, keeping the reader's language; empty parameters are left out. */
export function hrefOf(
  path: string,
  language: RegisterLanguage,
  parameters: Record<string, string | number | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  query.set('lang', language);
  return `${path}?${query}`;
}

export interface PageInput {
  language: RegisterLanguage;
  title: string;
  /** The same address in the other language, for the switch. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** The Atom feed this page belongs to, offered to browsers and feed readers. */
  feed?: { url: string; title: string };
  body: SafeHtml;
}

export function page(input: PageInput): string {
  const { language } = input;
  const say = words[language];
  const other = say.otherLanguageCode as RegisterLanguage;
  const switchHref = hrefOf(input.path, other, input.query);
  return html`<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${say.register}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${STYLESHEET_PATH}">
${input.feed ? html`<link rel="alternate" type="application/atom+xml" title="${input.feed.title}" href="${input.feed.url}">` : ''}
</head>
<body>
<a class="skip" href="#main">${say.skip}</a>
<header class="site">
<p class="brand">Restorativ · ${say.register}</p>
<nav aria-label="${say.languageNav}"><a href="${switchHref}" lang="${other}" hreflang="${other}">${say.otherLanguage}</a></nav>
</header>
<main id="main" tabindex="-1">
${input.body}
</main>
<footer class="site"><p>${say.footer}</p></footer>
</body>
</html>
`.value;
}

/** A page that only says something: not found, a broken link, a refusal, a confirmation. */
export function messagePage(input: {
  language: RegisterLanguage;
  path: string;
  query?: Record<string, string | number | undefined>;
  title: string;
  lines: string[];
  list?: string[];
  action?: SafeHtml;
}): string {
  return page({
    language: input.language,
    title: input.title,
    path: input.path,
    ...(input.query ? { query: input.query } : {}),
    body: html`<h1>${input.title}</h1>
${input.lines.map((line) => html`<p>${line}</p>`)}
${input.list?.length ? html`<ul class="problems">${input.list.map((item) => html`<li>${item}</li>`)}</ul>` : ''}
${input.action ?? ''}`,
  });
}
