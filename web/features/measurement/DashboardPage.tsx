import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type {
  Comparison,
  Dashboard,
  DashboardQuery,
  ProportionFigure,
  Quarter,
  SupportedLanguage,
} from '../../../shared/measurement/contract.ts';
import { constructs, surveyKinds } from '../../../shared/measurement/item-bank.ts';
import { previousQuarter, quartersEndingWith } from '../../../shared/measurement/quarters.ts';
import type { ProgramSummary } from '../../../shared/organisations/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { holdsIn } from '../conferences/roles.ts';
import { fetchProgram, programKey } from '../organisations/api.ts';
import {
  dashboardCsvHref,
  dashboardKey,
  dashboardSearch,
  fetchDashboard,
  reportPdfHref,
} from './api.ts';
import { anyoneAnswered, comparisonFigures, parseQuarter } from './figures.ts';
import { GroupTable } from './GroupTable.tsx';
import { exportingRoles } from './roles.ts';
import { ShareBars } from './ShareBars.tsx';
import { TrendChart } from './TrendChart.tsx';
import { type FigureWords, useFigureWords } from './useFigureWords.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

/** Quarters offered in the picker: the last ended one and those of three years before it. */
const QUARTERS_OFFERED = 12;

/** The dashboard's query from the address, so that a view can be bookmarked or shared. */
function queryOf(search: URLSearchParams): DashboardQuery {
  const kind = surveyKinds.find((each) => each === search.get('kind')) ?? 'after_process';
  const quarter = search.get('quarter') ?? '';
  const compareWith = search.get('compareWith') ?? '';
  return {
    kind,
    ...(parseQuarter(quarter) ? { quarter } : {}),
    ...(parseQuarter(compareWith) ? { compareWith } : {}),
  };
}

function Pickers({
  query,
  shownQuarter,
  current,
  onChange,
}: {
  query: DashboardQuery;
  /** The quarter the figures are for: the chosen one, or the server's default. */
  shownQuarter: string;
  /** The quarter under way where the program is, as the server says: it has no figures yet. */
  current: Quarter;
  onChange: (query: DashboardQuery) => void;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const label = (quarter: string) => `${words.quarter(quarter)} (${words.quarterMonths(quarter)})`;
  // Newest first, ended quarters only: the server refuses the one under way.
  const offered = quartersEndingWith(previousQuarter(current), QUARTERS_OFFERED).reverse();
  // The quarter before is the default; the ones before that may be chosen instead.
  const earlier = quartersEndingWith(
    previousQuarter(previousQuarter(shownQuarter)),
    QUARTERS_OFFERED - 1,
  ).reverse();
  return (
    // Each choice applies at once and lives in the address; focus stays where it is.
    <fieldset className="dashboard-pickers">
      <legend className="visually-hidden">{t('measurement.dashboard.choose')}</legend>
      <SelectField
        label={t('measurement.dashboard.kind')}
        value={query.kind}
        onChange={(kind) => {
          const chosen = surveyKinds.find((each) => each === kind);
          if (chosen) onChange({ ...query, kind: chosen });
        }}
        options={surveyKinds.map((value) => ({ value, label: t(`measurement.kinds.${value}`) }))}
      />
      <SelectField
        label={t('measurement.dashboard.quarter')}
        value={shownQuarter}
        onChange={(quarter) => onChange({ kind: query.kind, quarter })}
        options={offered.map((value) => ({ value, label: label(value) }))}
      />
      <SelectField
        label={t('measurement.dashboard.compareWith')}
        placeholder={t('measurement.dashboard.quarterBefore')}
        value={query.compareWith ?? ''}
        onChange={(compareWith) =>
          onChange({
            kind: query.kind,
            quarter: shownQuarter,
            ...(compareWith ? { compareWith } : {}),
          })
        }
        options={earlier.map((value) => ({ value, label: label(value) }))}
      />
    </fieldset>
  );
}

/** One side of a comparison: a quarter, or before or after the training. */
function side(value: Comparison['from'], words: FigureWords, t: TFunction) {
  return value === 'before' || value === 'after'
    ? t(`measurement.phases.${value}`)
    : words.quarter(value);
}

/** "Trust went up by 0.3 points (95% interval 0.1 to 0.5); a small effect, Hedges' g 0.35." */
function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const from = side(comparison.from, words, t);
  const to = side(comparison.to, words, t);
  const figures = comparisonFigures(comparison);
  if (!figures) {
    return (
      <p className="measurement-muted">{t('measurement.dashboard.change.none', { from, to })}</p>
    );
  }
  const sentence = t(`measurement.dashboard.change.${figures.direction}`, {
    amount: words.decimal(figures.amount),
    from,
    to,
    lower: words.decimal(figures.lower),
    upper: words.decimal(figures.upper),
  });
  const effect = figures.effect
    ? t('measurement.dashboard.change.effect', {
        magnitude: t(`measurement.magnitudes.${figures.effect.magnitude}`),
        g: words.hundredths(figures.effect.g),
      })
    : t('measurement.dashboard.change.noEffect');
  return (
    <div className="comparison">
      <p className="comparison__words">
        {sentence}
        {effect}
      </p>
      {figures.clear ? null : <p>{t('measurement.dashboard.change.unclear')}</p>}
      <dl className="measurement-facts measurement-facts--compact">
        <div>
          <dt>{t('measurement.dashboard.change.difference')}</dt>
          <dd>{words.decimal(comparison.difference?.estimate ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('measurement.dashboard.change.interval')}</dt>
          <dd>
            {words.decimal(figures.lower)} – {words.decimal(figures.upper)}
          </dd>
        </div>
        {figures.effect ? (
          <>
            <div>
              <dt>{t('measurement.dashboard.change.effectSize')}</dt>
              <dd>{words.hundredths(figures.effect.g)}</dd>
            </div>
            <div>
              <dt>{t('measurement.dashboard.change.effectInterval')}</dt>
              <dd>
                {words.hundredths(figures.effect.lower)} – {words.hundredths(figures.effect.upper)}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function Rate({ label, figure }: { label: string; figure: ProportionFigure | null }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {figure && figure.n > 0
          ? t('measurement.dashboard.rateValue', { share: words.share(figure), n: figure.n })
          : t('measurement.dashboard.noRate')}
      </dd>
    </div>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const quarter = words.quarter(dashboard.quarter);
  const chosen = dashboard.trend.find((each) => each.quarter === dashboard.quarter)?.figures;
  const shown = chosen && !('hidden' in chosen) ? chosen : null;
  const constructRows = shown
    ? constructs.flatMap((construct) => {
        const figure = shown.constructs[construct];
        return figure
          ? [{ key: construct, label: t(`measurement.constructs.${construct}`), figure }]
          : [];
      })
    : [];
  return (
    <>
      <section className="measurement-section" aria-labelledby="dashboard-trust">
        <h2 id="dashboard-trust">{t('measurement.dashboard.trustHeading')}</h2>
        <p>{t('measurement.dashboard.trustLead')}</p>
        {anyoneAnswered(dashboard.trend) ? (
          <>
            <TrendChart
              trend={dashboard.trend}
              caption={t('measurement.dashboard.trendCaption')}
              showTable={t('measurement.dashboard.showTrendTable')}
              threshold={dashboard.threshold}
            />
            <p className="measurement-muted">{t('measurement.intervalNote')}</p>
          </>
        ) : (
          <p className="measurement-notice">{t('measurement.dashboard.noAnswersYet')}</p>
        )}
      </section>
      <section className="measurement-section" aria-labelledby="dashboard-change">
        <h2 id="dashboard-change">{t('measurement.dashboard.changeHeading')}</h2>
        {dashboard.comparisons.map((comparison) => (
          <ComparisonView key={`${comparison.from}-${comparison.to}`} comparison={comparison} />
        ))}
      </section>
      <section className="measurement-section" aria-labelledby="dashboard-constructs">
        <h2 id="dashboard-constructs">
          {t('measurement.dashboard.constructsHeading', { quarter })}
        </h2>
        {chosen && 'hidden' in chosen ? (
          <p>{words.hidden(chosen, dashboard.threshold)}</p>
        ) : constructRows.length === 0 ? (
          <p className="measurement-muted">{t('measurement.dashboard.noFigures', { quarter })}</p>
        ) : (
          <>
            <p>{t('measurement.dashboard.constructsLead')}</p>
            <ShareBars
              rows={constructRows}
              caption={t('measurement.dashboard.constructsCaption', { quarter })}
              showTable={t('measurement.dashboard.showConstructsTable')}
              nameHeading={t('measurement.table.construct')}
            />
          </>
        )}
      </section>
      <section className="measurement-section" aria-labelledby="dashboard-groups">
        <h2 id="dashboard-groups">{t('measurement.dashboard.groupsHeading', { quarter })}</h2>
        <p>{t('measurement.dashboard.groupsLead')}</p>
        {dashboard.byRoleGroup.length === 0 && dashboard.byNeighbourhood.length === 0 ? (
          <p className="measurement-muted">{t('measurement.dashboard.noGroups')}</p>
        ) : null}
        {dashboard.byRoleGroup.length > 0 ? (
          <GroupTable
            groups={dashboard.byRoleGroup}
            kind="role"
            caption={t('measurement.dashboard.byRole', { quarter })}
            threshold={dashboard.threshold}
          />
        ) : null}
        {dashboard.byNeighbourhood.length > 0 ? (
          <GroupTable
            groups={dashboard.byNeighbourhood}
            kind="neighbourhood"
            caption={t('measurement.dashboard.byNeighbourhood', { quarter })}
            threshold={dashboard.threshold}
          />
        ) : null}
      </section>
      <section className="measurement-section" aria-labelledby="dashboard-rates">
        <h2 id="dashboard-rates">{t('measurement.dashboard.ratesHeading', { quarter })}</h2>
        <dl className="measurement-facts">
          <Rate label={t('measurement.dashboard.responseRate')} figure={dashboard.responseRate} />
          <Rate
            label={t('measurement.dashboard.agreementCompletion')}
            figure={dashboard.agreementCompletion}
          />
        </dl>
      </section>
    </>
  );
}

function Downloads({
  program,
  query,
  quarter,
}: {
  program: ProgramSummary;
  query: DashboardQuery;
  quarter: string;
}) {
  const { t, i18n } = useTranslation();
  const words = useFigureWords();
  const language: SupportedLanguage = i18n.language === 'es' ? 'es' : 'en';
  return (
    <ul className="measurement-links">
      <li>
        <a
          href={dashboardCsvHref(program.id, { ...query, quarter })}
          download
          className="measurement-link"
        >
          {t('measurement.dashboard.downloadCsv')}
        </a>
      </li>
      <li>
        <a
          href={reportPdfHref(program.id, quarter, language)}
          download
          className="measurement-link"
        >
          {t('measurement.dashboard.downloadReport', { quarter: words.quarter(quarter) })}
        </a>
      </li>
    </ul>
  );
}

/** /programs/:programId/measurement: a program's trust figures for one kind of survey. */
export function DashboardPage() {
  const { t } = useTranslation();
  const words = useFigureWords();
  const { programId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = queryOf(search);
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const dashboard = useQuery({
    queryKey: dashboardKey(programId, query),
    queryFn: ({ signal }) => fetchDashboard(programId, query, signal),
    // Another choice keeps the figures in place (and the pickers focused) while it comes.
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  useDocumentTitle(
    program.data
      ? `${t('measurement.dashboard.title')}: ${program.data.name}`
      : t('measurement.dashboard.title'),
  );
  if (program.isPending || dashboard.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !dashboard.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.dashboard.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.loadFailed')}
          error={program.error ?? dashboard.error}
          refused={t('measurement.dashboard.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void dashboard.refetch();
          }}
        />
      </div>
    );
  }
  const data = dashboard.data;
  const organisationIds = program.data.organisations.map((organisation) => organisation.id);
  const mayExport = holdsIn(me.data?.roles, exportingRoles, programId, organisationIds);
  return (
    <div className="measurement-page dashboard">
      <p className="measurement-eyebrow">{program.data.name}</p>
      <PageHeading>{t('measurement.dashboard.title')}</PageHeading>
      <p className="form-page__lead">
        {t('measurement.dashboard.lead', { threshold: data.threshold })}
      </p>
      <Pickers
        query={query}
        shownQuarter={data.quarter}
        current={data.current.quarter}
        onChange={(next) =>
          setSearch(new URLSearchParams(dashboardSearch(next)), { replace: true })
        }
      />
      <p className="measurement-muted">
        {t('measurement.dashboard.soFar', {
          count: data.current.responses,
          date: words.day(data.current.endsOn),
        })}
      </p>
      <div className="measurement-actions">
        <Link to={`/programs/${programId}/surveys`} className="measurement-link">
          {t('measurement.dashboard.surveysLink')}
        </Link>
      </div>
      {mayExport ? <Downloads program={program.data} query={query} quarter={data.quarter} /> : null}
      <div aria-busy={dashboard.isPlaceholderData || undefined}>
        <Figures dashboard={data} />
      </div>
    </div>
  );
}
