import { detailOf, formatMoment, headlineOf, linksOf } from './describe.ts';
import type { FeedItem } from './events.ts';
import { hrefOf } from './page.ts';
import { type RegisterScope, scopePath } from './scope.ts';
import { type RegisterLanguage, words } from './words.ts';

// An Atom 1.0 feed (RFC 4287) of a register: one entry per event of its public commitments,
// newest first. Ids are tag: URIs (RFC 4151) minted from the installation's host and the
// event's id, so a feed reader never shows the same event twice, whatever the language.

export const FEED_SIZE = 50;
/** The year these tag URIs were first minted; it must never change, or every id would. */
const TAG_DATE = '2026';

/** XML 1.0 forbids most control characters and lone surrogates, even escaped: they are dropped. */
function allowedInXml(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  return !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff;
}
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return Array.from(text)
    .filter(allowedInXml)
    .join('')
    .replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character);
}

export function atomFeed(input: {
  language: RegisterLanguage;
  scope: RegisterScope;
  items: FeedItem[];
  publicUrl: string;
  timeZone: string;
}): string {
  const { language, scope, publicUrl } = input;
  const say = words[language];
  const host = new URL(publicUrl).hostname;
  const path = scopePath(scope.kind, scope.id);
  const pageUrl = `${publicUrl}${hrefOf(path, language)}`;
  const selfUrl = `${publicUrl}${hrefOf(`${path}/feed.atom`, language)}`;
  const updated = input.items[0]?.event.at ?? new Date(0);
  const entries = input.items.map(({ event, commitmentTitle }) => {
    const link = `${publicUrl}${hrefOf(`/register/commitments/${event.commitmentId}`, language)}`;
    const title =
      event.kind === 'created'
        ? `${say.events.newCommitment}: ${commitmentTitle}`
        : `${headlineOf(event, language)}: ${commitmentTitle}`;
    const content = [
      event.kind === 'created' ? headlineOf(event, language) : '',
      detailOf(event),
      ...linksOf(event).map((each) => each.url),
      formatMoment(event.at, language, input.timeZone),
    ]
      .filter((line) => line.length > 0)
      .join('\n\n');
    return `  <entry>
    <id>tag:${escapeXml(host)},${TAG_DATE}:commitment-event:${event.id}</id>
    <title type="text">${escapeXml(title)}</title>
    <updated>${event.at.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <content type="text">${escapeXml(content)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">
  <id>tag:${escapeXml(host)},${TAG_DATE}:register:${scope.kind}:${scope.id}</id>
  <title type="text">${escapeXml(say.feedTitle(scope.name))}</title>
  <updated>${updated.toISOString()}</updated>
  <author><name>${escapeXml(scope.name)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>
${entries.join('\n')}
</feed>
`;
}
