import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useReachablePrograms } from '../organisations/useReachablePrograms.ts';
import { fetchProgramDialogues, programDialoguesKey } from './api.ts';
import { DialogueList } from './DialogueList.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

/** Each program the person reaches, with its dialogues; a program that refuses is left out. */
function ProgramsWithDialogues({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  const programs = useReachablePrograms(roles);
  const lists = useQueries({
    queries: programs.map(([id]) => ({
      queryKey: programDialoguesKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProgramDialogues(id, signal),
      retry: retryUnlessRefused,
    })),
  });
  if (programs.length === 0) return <p>{t('dialogues.mine.none')}</p>;
  return (
    <>
      {programs.map(([id, name], index) => {
        const list = lists[index]?.data;
        return (
          <section key={id} className="dialogue-group" aria-labelledby={`dialogues-${id}`}>
            <h2 id={`dialogues-${id}`} className="dialogue-group__heading">
              <Link to={`/programs/${id}/dialogues`}>
                {t('dialogues.list.heading', { program: name })}
              </Link>
            </h2>
            {list === undefined ? null : list.length === 0 ? (
              <p className="dialogue-muted">{t('dialogues.list.noneYet')}</p>
            ) : (
              <DialogueList dialogues={list} />
            )}
          </section>
        );
      })}
    </>
  );
}

/** /dialogues: the dialogues of every program the person belongs to. */
export function MyDialoguesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dialogues.mine.title'));
  const me = useSignedIn();
  if (me.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!me.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.mine.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={me.error}
          refused={t('dialogues.mine.none')}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="dialogues-page">
      <PageHeading>{t('dialogues.mine.title')}</PageHeading>
      <p className="form-page__lead">{t('dialogues.mine.lead')}</p>
      <ProgramsWithDialogues roles={me.data.roles} />
    </div>
  );
}
