import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ReportFigure } from '../../../shared/youth/report.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchYouthReport, youthReportKey } from './report-api.ts';
import '../../app/status-page.css';
import './youth.css';
import './youth-report.css';

interface Row {
  key: string;
  label: string;
  figure: ReportFigure;
}

/** A count, or in words why it is not shown: a reader never meets a blank. */
function Figure({ figure, threshold }: { figure: ReportFigure; threshold: number }) {
  const { t, i18n } = useTranslation();
  if ('n' in figure) return <>{figure.n.toLocaleString(i18n.resolvedLanguage)}</>;
  return (
    <span className="youth-report__hidden">
      {figure.hidden === 'below_threshold'
        ? t('youthReport.hidden.belowThreshold', { threshold })
        : t('youthReport.hidden.derivable')}
    </span>
  );
}

/** One table of the report: a caption, its rows, and their total when it has one. */
function CountTable({
  caption,
  whatHeading,
  countHeading,
  rows,
  total,
  threshold,
}: {
  caption: string;
  whatHeading: string;
  countHeading: string;
  rows: readonly Row[];
  total?: Row;
  threshold: number;
}) {
  const row = ({ key, label, figure }: Row) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>
        <Figure figure={figure} threshold={threshold} />
      </td>
    </tr>
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls by keyboard too
    <section className="youth-report__table-wrap" aria-label={caption} tabIndex={0}>
      <table className="youth-report__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{whatHeading}</th>
            <th scope="col">{countHeading}</th>
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
        {total ? <tfoot>{row(total)}</tfoot> : null}
      </table>
    </section>
  );
}

/** /programs/:programId/youth-report: a youth program in counts, small groups hidden in words. */
export function YouthReportPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const report = useQuery({
    queryKey: youthReportKey(programId),
    queryFn: ({ signal }) => fetchYouthReport(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(name ? t('youthReport.heading', { program: name }) : t('youthReport.title'));
  if ((program.isPending || report.isPending) && !program.isError && !report.isError) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !report.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('youthReport.title')}</PageHeading>
        <LoadProblem
          failed={t('youthReport.loadFailed')}
          error={report.error ?? program.error}
          refused={t('youthReport.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void report.refetch();
          }}
        />
      </div>
    );
  }
  const { threshold, youngPeople, consent, mentoring, events, concerns } = report.data;
  const what = t('youthReport.column.what');
  const count = t('youthReport.column.count');
  const people = t('youthReport.column.youngPeople');
  return (
    <div className="youth-page">
      <PageHeading>{t('youthReport.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('youthReport.lead', { threshold })}</p>
      <CountTable
        caption={t('youthReport.ages.caption')}
        whatHeading={t('youthReport.ages.band')}
        countHeading={people}
        threshold={threshold}
        rows={youngPeople.byBand.map(({ band, figure }) => ({
          key: band,
          label: t(`youth.program.bands.${band}`),
          figure,
        }))}
        total={{ key: 'total', label: t('youthReport.ages.total'), figure: youngPeople.total }}
      />
      <CountTable
        caption={t('youthReport.consent.caption')}
        whatHeading={t('youthReport.consent.status')}
        countHeading={people}
        threshold={threshold}
        rows={consent.byStatus.map(({ status, figure }) => ({
          key: status,
          label: t(`youthReport.consent.statuses.${status}`),
          figure,
        }))}
        total={{ key: 'total', label: t('youthReport.consent.total'), figure: consent.minors }}
      />
      <CountTable
        caption={t('youthReport.mentoring.caption')}
        whatHeading={what}
        countHeading={count}
        threshold={threshold}
        rows={[
          {
            key: 'pairs',
            label: t('youthReport.mentoring.activePairs'),
            figure: mentoring.activePairs,
          },
          {
            key: 'meetings',
            label: t('youthReport.mentoring.meetings'),
            figure: mentoring.meetingsLast90Days,
          },
          {
            key: 'two-adults',
            label: t('youthReport.mentoring.twoAdults'),
            figure: mentoring.meetingsWithTwoAdults,
          },
        ]}
      />
      <CountTable
        caption={t('youthReport.events.caption')}
        whatHeading={what}
        countHeading={count}
        threshold={threshold}
        rows={[
          { key: 'held', label: t('youthReport.events.held'), figure: events.held },
          {
            key: 'attendance',
            label: t('youthReport.events.attendance'),
            figure: events.attendance,
          },
        ]}
      />
      <CountTable
        caption={t('youthReport.concerns.caption')}
        whatHeading={what}
        countHeading={count}
        threshold={threshold}
        rows={[
          { key: 'raised', label: t('youthReport.concerns.raised'), figure: concerns.raised },
          { key: 'closed', label: t('youthReport.concerns.closed'), figure: concerns.closed },
        ]}
      />
      <p className="youth-muted">{t('youthReport.concerns.note')}</p>
    </div>
  );
}
