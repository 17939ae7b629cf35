import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchOverdue, overdueKey } from './api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

/** /programs/:programId/conferences/overdue: agreement items past their day, oldest first. */
export function OverduePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const formatDay = useFormatDay();
  useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const overdue = useQuery({
    queryKey: overdueKey(programId),
    queryFn: ({ signal }) => fetchOverdue(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(
    name ? t('conferences.overdue.heading', { program: name }) : t('conferences.overdue.title'),
  );
  if (program.isPending || overdue.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !overdue.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.overdue.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={program.error ?? overdue.error}
          refused={t('conferences.board.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void overdue.refetch();
          }}
        />
      </div>
    );
  }
  const items = [...overdue.data].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <div className="case-board-page">
      <PageHeading>{t('conferences.overdue.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('conferences.overdue.lead')}</p>
      <p>
        <Link to={`/programs/${programId}/conferences`}>
          {t('conferences.board.backLink', { program: program.data.name })}
        </Link>
      </p>
      {items.length === 0 ? (
        <p className="case-notice">{t('conferences.overdue.none')}</p>
      ) : (
        <ul className="case-list">
          {items.map((item) => (
            <li key={item.itemId} className="case-card case-card--urgent">
              <h2 className="case-card__title">
                <Link to={`/conferences/${item.conferenceId}#case-agreement`}>
                  {t('conferences.overdue.itemTitle', {
                    kind: t(`conferences.itemKinds.${item.kind}`),
                    reference: item.reference,
                  })}
                </Link>
              </h2>
              <dl className="case-facts case-facts--compact">
                <div>
                  <dt>{t('conferences.items.dueOn')}</dt>
                  <dd>{formatDay(item.dueOn)}</dd>
                </div>
                <div>
                  <dt>{t('conferences.items.responsible')}</dt>
                  <dd>{item.responsibleName}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
