import { html, type SafeHtml } from '../../../platform/mail/templates/html.ts';
import { detailOf, formatMoment, headlineOf, linksOf } from './describe.ts';
import type { PublicEvent } from './events.ts';
import { facts, followSection, statusLine } from './list-page.ts';
import { hrefOf, page } from './page.ts';
import type { PublicCommitment } from './query.ts';
import { scopePath } from './scope.ts';
import { type RegisterLanguage, words } from './words.ts';

// One commitment: what was promised, by which organisation, from where, by when, where it
// stands, and its timeline oldest first, so that it reads as the story of the promise.

/** Text as people wrote it: a blank line starts a new paragraph. */
function paragraphs(text: string): SafeHtml {
  return html`${text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => html`<p>${part}</p>`)}`;
}

function timelineEntry(event: PublicEvent, language: RegisterLanguage, timeZone: string) {
  const detail = detailOf(event);
  const links = linksOf(event);
  return html`<li>
<p class="when"><time datetime="${event.at.toISOString()}">${formatMoment(event.at, language, timeZone)}</time></p>
<p class="what">${headlineOf(event, language)}</p>
${detail ? html`<div class="detail">${paragraphs(detail)}</div>` : ''}
${
  links.length > 0
    ? html`<ul class="evidence">${links.map(
        (link) =>
          html`<li><a href="${link.url}" rel="nofollow noopener noreferrer">${link.host}</a></li>`,
      )}</ul>`
    : ''
}
</li>`;
}

export function detailPage(input: {
  language: RegisterLanguage;
  commitment: PublicCommitment;
  timeline: PublicEvent[];
  timeZone: string;
}): string {
  const { language, commitment } = input;
  const say = words[language];
  const path = `/register/commitments/${commitment.id}`;
  const programPath = scopePath('program', commitment.programId);
  return page({
    language,
    title: commitment.title,
    path,
    feed: {
      url: hrefOf(`${programPath}/feed.atom`, language),
      title: say.feedTitle(commitment.programName),
    },
    body: html`<p class="back"><a href="${hrefOf(programPath, language)}">${say.backTo(commitment.programName)}</a></p>
<h1>${commitment.title}</h1>
${statusLine(commitment, say)}
${commitment.description ? paragraphs(commitment.description) : html`<p class="quiet">${say.noDescription}</p>`}
${facts(commitment, language, {
  program: true,
  updated: formatMoment(commitment.updatedAt, language, input.timeZone),
})}
<section aria-labelledby="timeline-heading">
<h2 id="timeline-heading">${say.timeline}</h2>
<p class="quiet">${say.timelineOrder}</p>
<ol class="timeline">${input.timeline.map((event) => timelineEntry(event, language, input.timeZone))}</ol>
</section>
${followSection({ kind: 'program', id: commitment.programId }, language, {
  name: commitment.programName,
})}`,
  });
}
