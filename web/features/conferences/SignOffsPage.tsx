import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchSignOffs, signOffsKey } from './api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

/** /programs/:programId/conferences/sign-offs: what waits for the oversight reviewer. */
export function SignOffsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const formatDateTime = useFormatDateTime();
  useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const waiting = useQuery({
    queryKey: signOffsKey(programId),
    queryFn: ({ signal }) => fetchSignOffs(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(
    name ? t('conferences.signOffs.heading', { program: name }) : t('conferences.signOffs.title'),
  );
  if (program.isPending || waiting.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !waiting.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.signOffs.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={program.error ?? waiting.error}
          refused={t('conferences.signOffs.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void waiting.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <div className="case-board-page">
      <PageHeading>{t('conferences.signOffs.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('conferences.signOffs.lead')}</p>
      {waiting.data.length === 0 ? (
        <p className="case-notice">{t('conferences.signOffs.none')}</p>
      ) : (
        <ul className="case-list">
          {waiting.data.map((request) => (
            <li key={`${request.conferenceId}-${request.stage}`} className="case-card">
              <h2 className="case-card__title">
                <Link to={`/conferences/${request.conferenceId}/oversight`}>
                  {t(`conferences.signOffs.item.${request.stage}`, {
                    reference: request.reference,
                  })}
                </Link>
              </h2>
              <p className="case-muted">
                {t('conferences.signOffs.since', { date: formatDateTime(request.since) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
