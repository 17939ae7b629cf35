import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PublicTrust, QuarterFigures } from '../../../shared/measurement/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchPublicTrust, publicTrustKey } from './api.ts';
import { anyoneAnswered } from './figures.ts';
import { TrendChart } from './TrendChart.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

/** One program's trend for one kind of survey, or a plain word that there is none yet. */
function ProgramTrend({
  id,
  heading,
  program,
  trend,
}: {
  id: string;
  heading: string;
  program: string;
  trend: readonly QuarterFigures[];
}) {
  const { t } = useTranslation();
  return (
    <section className="measurement-subsection" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {!anyoneAnswered(trend) ? (
        <p className="measurement-muted">{t('measurement.public.noFigures')}</p>
      ) : (
        <TrendChart
          trend={trend}
          caption={t('measurement.public.trendCaption', { program, survey: heading })}
          showTable={t('measurement.public.showTable')}
          threshold={null}
        />
      )}
    </section>
  );
}

function Programs({ trust }: { trust: PublicTrust }) {
  const { t } = useTranslation();
  return (
    <>
      {trust.programs.map((program) => (
        <section
          key={program.programId}
          className="measurement-section"
          aria-labelledby={`trust-${program.programId}`}
        >
          <h2 id={`trust-${program.programId}`}>{program.name}</h2>
          <ProgramTrend
            id={`trust-${program.programId}-pulse`}
            heading={t('measurement.public.pulseHeading')}
            program={program.name}
            trend={program.pulse}
          />
          <ProgramTrend
            id={`trust-${program.programId}-after`}
            heading={t('measurement.public.afterProcessHeading')}
            program={program.name}
            trend={program.afterProcess}
          />
        </section>
      ))}
    </>
  );
}

/** /trust/:organisationId: an organisation's trust figures for anyone, once it chose to publish. */
export function PublicTrustPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const trust = useQuery({
    queryKey: publicTrustKey(organisationId),
    queryFn: ({ signal }) => fetchPublicTrust(organisationId, signal),
    retry: retryUnlessRefused,
  });
  const name = trust.data?.organisationName;
  useDocumentTitle(
    name ? t('measurement.public.heading', { organisation: name }) : t('measurement.public.title'),
  );
  if (trust.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!trust.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.public.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.loadFailed')}
          error={trust.error}
          refused={t('measurement.public.notPublished')}
          onRetry={() => void trust.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="measurement-page public-trust">
      <PageHeading>
        {t('measurement.public.heading', { organisation: trust.data.organisationName })}
      </PageHeading>
      <p className="form-page__lead">{t('measurement.public.lead')}</p>
      <section className="measurement-notice" aria-labelledby="trust-what">
        <h2 id="trust-what">{t('measurement.public.whatHeading')}</h2>
        <p>{t('measurement.public.what')}</p>
        <p>{t('measurement.public.sources')}</p>
        <p>{t('measurement.intervalNote')}</p>
        <h2 id="trust-protected">{t('measurement.public.protectedHeading')}</h2>
        <p>{t('measurement.public.protected', { threshold: trust.data.threshold })}</p>
      </section>
      {trust.data.programs.length === 0 ? <p>{t('measurement.public.noFigures')}</p> : null}
      <Programs trust={trust.data} />
    </div>
  );
}
