import {
  type CommitmentFilters,
  commitmentSources,
  dueFilters,
} from '../../../../shared/commitments/contract.ts';
import type { CommitmentStatus } from '../../../../shared/commitments/machine.ts';
import { html, type SafeHtml } from '../../../platform/mail/templates/html.ts';
import { formatDay, ownerOf, sourceOf } from './describe.ts';
import { hrefOf, page } from './page.ts';
import { filterParameters } from './params.ts';
import type { PublicCommitment } from './query.ts';
import { type RegisterScope, scopePath } from './scope.ts';
import { type RegisterLanguage, type RegisterWords, words } from './words.ts';

// The register of an organisation or a program: counts at the top, a filter form (a plain GET,
// so it works without JavaScript), one card per commitment, pages of at most 100, and the ways
// to follow it: the feed, the export and email.

export const PAGE_SIZE = 100;

/** The order counts are told in: what needs attention first. */
const countOrder: (CommitmentStatus | 'overdue')[] = [
  'overdue',
  'in_progress',
  'planned',
  'done',
  'not_done',
  'changed',
];

export interface ListPageInput {
  language: RegisterLanguage;
  scope: RegisterScope;
  commitments: PublicCommitment[];
  counts: { total: number; byStatus: Map<CommitmentStatus | 'overdue', number> };
  owners: { id: string; name: string }[];
  filters: CommitmentFilters;
  page: number;
  hasNext: boolean;
  /** The email form as sent back, with its message, when the address was not one. */
  subscription?: { email: string; error: string };
}

export function statusLine(commitment: PublicCommitment, say: RegisterWords): SafeHtml {
  return html`<p class="status"><span class="pill pill-${commitment.status}">${say.statuses[commitment.status]}</span>${
    commitment.verifiedAt
      ? html` <span class="verified"><span aria-hidden="true">✓ </span>${say.verified}</span>`
      : ''
  }${commitment.overdue ? html` <strong class="flag">${say.overdue}</strong>` : ''}</p>`;
}

export function facts(
  commitment: PublicCommitment,
  language: RegisterLanguage,
  options: { program: boolean; updated?: string },
): SafeHtml {
  const say = words[language];
  const fact = (term: string, value: SafeHtml | string) =>
    html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="facts">
${options.program ? fact(say.program, commitment.programName) : ''}
${fact(say.owner, ownerOf(commitment))}
${fact(say.source, sourceOf(commitment, say))}
${fact(say.due, html`<time datetime="${commitment.dueOn}">${formatDay(commitment.dueOn, language)}</time>`)}
${fact(say.progress, html`${commitment.percent}% <progress max="100" value="${commitment.percent}" aria-hidden="true"></progress>`)}
${options.updated ? fact(say.updated, html`<time datetime="${commitment.updatedAt.toISOString()}">${options.updated}</time>`) : ''}
</dl>`;
}

function card(commitment: PublicCommitment, input: ListPageInput): SafeHtml {
  const { language } = input;
  const heading = `c-${commitment.id}`;
  return html`<li class="card"><article aria-labelledby="${heading}">
<h3 id="${heading}"><a href="${hrefOf(`/register/commitments/${commitment.id}`, language)}">${commitment.title}</a></h3>
${statusLine(commitment, words[language])}
${facts(commitment, language, { program: input.scope.kind === 'organisation' })}
</article></li>`;
}

function select(
  name: string,
  label: string,
  options: { value: string; label: string }[],
  chosen: string | undefined,
  any: string,
): SafeHtml {
  return html`<div class="field"><label for="filter-${name}">${label}</label>
<select id="filter-${name}" name="${name}"><option value="">${any}</option>${options.map(
    (option) =>
      html`<option value="${option.value}"${option.value === chosen ? html` selected` : ''}>${option.label}</option>`,
  )}</select></div>`;
}

function filterForm(input: ListPageInput, path: string): SafeHtml {
  const { language, filters } = input;
  const say = words[language];
  const active = Object.values(filters).some((value) => value !== undefined);
  // Folded away on a phone until wanted (no script needed); open while a filter is on.
  return html`<details class="filters"${active ? html` open` : ''}>
<summary><h2 id="filter-heading">${say.filterHeading}</h2></summary>
<form method="get" action="${path}" aria-labelledby="filter-heading">
<input type="hidden" name="lang" value="${language}">
${select(
  'status',
  say.status,
  Object.entries(say.statuses).map(([value, label]) => ({ value, label })),
  filters.status,
  say.any,
)}
${select(
  'source',
  say.source,
  commitmentSources.map((value) => ({ value, label: say.sources[value] })),
  filters.source,
  say.any,
)}
${select(
  'owner',
  say.owner,
  input.owners.map((owner) => ({ value: owner.id, label: owner.name })),
  filters.owner,
  say.any,
)}
${select(
  'due',
  say.due,
  dueFilters.map((value) => ({ value, label: say.dueChoices[value] })),
  filters.due,
  say.any,
)}
<div class="actions"><button type="submit">${say.apply}</button>${
    active ? html` <a href="${hrefOf(path, language)}">${say.clear}</a>` : ''
  }</div>
</form>
</details>`;
}

function summary(input: ListPageInput): SafeHtml {
  const say = words[input.language];
  const { total, byStatus } = input.counts;
  const label = (key: CommitmentStatus | 'overdue') =>
    key === 'overdue' ? say.overdue : say.statuses[key];
  const parts = countOrder.flatMap((key) => {
    const count = byStatus.get(key) ?? 0;
    return count > 0 ? [html`<li>${label(key)}: <strong>${count}</strong></li>`] : [];
  });
  return html`<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">${say.summaryHeading}</h2>
<p class="total">${say.total(total)}</p>
${parts.length > 0 ? html`<ul class="counts">${parts}</ul>` : ''}
</section>`;
}

function pagination(input: ListPageInput, path: string): SafeHtml {
  const say = words[input.language];
  if (input.page === 1 && !input.hasNext) return html``;
  const link = (pageNumber: number, label: string, rel: string) =>
    html`<a rel="${rel}" href="${hrefOf(path, input.language, { ...filterParameters(input.filters), page: pageNumber })}">${label}</a>`;
  return html`<nav class="pages" aria-label="${say.pages}">
${input.page > 1 ? link(input.page - 1, say.previousPage, 'prev') : ''}
<span aria-current="page">${say.pageOf(input.page)}</span>
${input.hasNext ? link(input.page + 1, say.nextPage, 'next') : ''}
</nav>`;
}

/** The ways to follow a register: its feed, its export and email. Also under each commitment. */
export function followSection(
  scope: { kind: RegisterScope['kind']; id: string },
  language: RegisterLanguage,
  options: {
    filters?: CommitmentFilters;
    subscription?: { email: string; error: string };
    /** Names the register when the page is not its own list (a commitment's page). */
    name?: string;
  } = {},
): SafeHtml {
  const say = words[language];
  const path = scopePath(scope.kind, scope.id);
  const error = options.subscription?.error;
  return html`<section class="follow" id="follow" aria-labelledby="follow-heading">
<h2 id="follow-heading">${options.name ? say.followNamed(options.name) : say.followHeading}</h2>
<ul class="links">
<li><a href="${hrefOf(`${path}/feed.atom`, language)}" type="application/atom+xml">${say.feed}</a></li>
<li><a href="${hrefOf(`${path}/commitments.csv`, language, filterParameters(options.filters ?? {}))}" download>${say.csv}</a></li>
</ul>
<form method="post" action="${path}/subscriptions">
<input type="hidden" name="lang" value="${language}">
<div class="field${error ? ' invalid' : ''}"><label for="email">${say.emailLabel}</label>
<p class="hint" id="email-hint">${say.emailHint}</p>
${error ? html`<p class="error" id="email-error">${error}</p>` : ''}
<input id="email" name="email" type="email" autocomplete="email" inputmode="email" required maxlength="254" value="${options.subscription?.email ?? ''}" aria-describedby="${error ? 'email-error email-hint' : 'email-hint'}"${error ? html` aria-invalid="true" autofocus` : ''}>
</div>
<button type="submit">${say.follow}</button>
</form>
</section>`;
}

export function listPage(input: ListPageInput): string {
  const { language, scope } = input;
  const say = words[language];
  const path = scopePath(scope.kind, scope.id);
  const title =
    scope.kind === 'organisation'
      ? say.organisationTitle(scope.name)
      : say.programTitle(scope.name);
  const list =
    input.commitments.length > 0
      ? html`<ol class="cards">${input.commitments.map((commitment) => card(commitment, input))}</ol>`
      : html`<p class="empty">${input.counts.total === 0 && Object.keys(input.filters).length === 0 ? say.noneYet : say.noMatch}</p>`;
  return page({
    language,
    title,
    path,
    query: { ...filterParameters(input.filters), page: input.page > 1 ? input.page : undefined },
    feed: { url: hrefOf(`${path}/feed.atom`, language), title: say.feedTitle(scope.name) },
    body: html`<h1>${title}</h1>
${scope.runners.length > 0 ? html`<p>${say.runBy(scope.runners.join(', '))}</p>` : ''}
<p class="lede">${say.lede}</p>
${summary(input)}
${filterForm(input, path)}
<section aria-labelledby="list-heading">
<h2 id="list-heading">${say.listHeading}</h2>
${list}
${pagination(input, path)}
</section>
${followSection(scope, language, {
  filters: input.filters,
  ...(input.subscription ? { subscription: input.subscription } : {}),
})}`,
  });
}
