import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchProgramDialogues, programDialoguesKey } from './api.ts';
import { DialogueList } from './DialogueList.tsx';
import { mayCreateIn } from './roles.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

/** /programs/:programId/dialogues: a program's dialogues, with a way to open or import one. */
export function ProgramDialoguesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const dialogues = useQuery({
    queryKey: programDialoguesKey(programId),
    queryFn: ({ signal }) => fetchProgramDialogues(programId, signal),
    retry: retryUnlessRefused,
  });
  const name = program.data?.name;
  useDocumentTitle(name ? t('dialogues.list.heading', { program: name }) : t('dialogues.title'));

  if (program.isPending || dialogues.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !dialogues.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={program.error ?? dialogues.error}
          refused={t('dialogues.list.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void dialogues.refetch();
          }}
        />
      </div>
    );
  }
  const organisationIds = program.data.organisations.map((organisation) => organisation.id);
  const mayCreate = mayCreateIn(me.data?.roles, programId, organisationIds);
  return (
    <div className="dialogues-page">
      <PageHeading>{t('dialogues.list.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('dialogues.list.lead')}</p>
      {mayCreate ? (
        <div className="dialogues-page__actions">
          <Link to={`/programs/${programId}/dialogues/new`} className={buttonClassName('primary')}>
            {t('dialogues.list.new')}
          </Link>
          <Link
            to={`/programs/${programId}/dialogues/import`}
            className={buttonClassName('secondary')}
          >
            {t('dialogues.list.import')}
          </Link>
        </div>
      ) : null}
      {dialogues.data.length === 0 ? (
        <p>{mayCreate ? t('dialogues.list.noneYetCreator') : t('dialogues.list.noneYet')}</p>
      ) : (
        <DialogueList dialogues={dialogues.data} />
      )}
      <p>
        <Link to={`/programs/${programId}/commitments`} className="dialogues-page__link">
          {t('dialogues.list.commitmentsLink', { program: program.data.name })}
        </Link>
      </p>
    </div>
  );
}
