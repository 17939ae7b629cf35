import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchPublicResults, publicResultsKey } from './api.ts';
import { CommitmentLinks } from './CommitmentForm.tsx';
import { agreeFigures } from './figures.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

/** /public/dialogues/:dialogueId: what a dialogue found, for anyone, once the facilitator published it. */
export function PublicResultsPage() {
  const { t } = useTranslation();
  const { dialogueId = '' } = useParams();
  const results = useQuery({
    queryKey: publicResultsKey(dialogueId),
    queryFn: ({ signal }) => fetchPublicResults(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(results.data?.title ?? t('dialogues.public.title'));
  if (results.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (results.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.public.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={results.error}
          refused={t('dialogues.public.notPublic')}
          onRetry={() => void results.refetch()}
        />
      </div>
    );
  }
  const data = results.data;
  return (
    <div className="dialogues-page public-results">
      <p className="dialogue-eyebrow">{data.programName}</p>
      <PageHeading>{data.title}</PageHeading>
      {data.description ? <p className="form-page__lead">{data.description}</p> : null}
      <p>{t('dialogues.public.participants', { count: data.participants })}</p>
      {data.synthesis ? (
        <section className="dialogue-section" aria-labelledby="public-synthesis">
          <h2 id="public-synthesis">{t('dialogues.public.synthesis')}</h2>
          <p className="dialogue-synthesis-text">{data.synthesis}</p>
        </section>
      ) : null}
      <section className="dialogue-section" aria-labelledby="public-common-ground">
        <h2 id="public-common-ground">{t('dialogues.results.commonGround')}</h2>
        <p>{t('dialogues.public.commonGroundLead')}</p>
        {data.commonGround.length === 0 ? (
          <p className="dialogue-muted">{t('dialogues.results.noCommonGround')}</p>
        ) : (
          <ol className="public-common-ground">
            {data.commonGround.map((statement) => (
              <li key={statement.number} className="public-statement">
                <p className="public-statement__text" lang={statement.language}>
                  {statement.text}
                </p>
                <p className="public-statement__rate">
                  {t('dialogues.results.agreeWithInterval', {
                    ...agreeFigures(statement.agreeRate, statement.agreeInterval),
                  })}
                </p>
              </li>
            ))}
          </ol>
        )}
        <p className="dialogue-muted">{t('dialogues.public.intervalNote')}</p>
      </section>
      <section className="dialogue-section" aria-labelledby="public-commitments">
        <h2 id="public-commitments">{t('dialogues.public.commitments')}</h2>
        {data.commitments.length === 0 ? (
          <p className="dialogue-muted">{t('dialogues.public.noCommitments')}</p>
        ) : (
          <CommitmentLinks commitments={data.commitments} publicPage />
        )}
      </section>
      {data.source ? (
        <p className="dialogue-source">{t('dialogues.public.source', { source: data.source })}</p>
      ) : null}
    </div>
  );
}
