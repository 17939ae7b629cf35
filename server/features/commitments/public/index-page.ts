import { html } from '../../../platform/mail/templates/html.ts';
import { hrefOf, page } from './page.ts';
import { scopePath } from './scope.ts';
import { type RegisterLanguage, words } from './words.ts';

/** /register: every organisation that has published a commitment, each leading to its own. */
export function indexPage(input: {
  language: RegisterLanguage;
  organisations: { id: string; name: string; count: number }[];
}): string {
  const { language, organisations } = input;
  const say = words[language];
  return page({
    language,
    title: say.indexTitle,
    path: '/register',
    body: html`<h1>${say.indexTitle}</h1>
<p class="lede">${say.indexLede}</p>
${
  organisations.length === 0
    ? html`<p>${say.indexNone}</p>`
    : html`<ul class="registers">${organisations.map(
        (organisation) =>
          html`<li><a href="${hrefOf(scopePath('organisation', organisation.id), language)}">${say.organisationTitle(organisation.name)}</a> <span class="registers__count">${say.total(organisation.count)}</span></li>`,
      )}</ul>`
}`,
  });
}
