import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConcernsList, ConcernView } from '../../../shared/youth/concerns-contract.ts';
import { ApiError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { addConcernAction, concernsKey, fetchConcerns } from './concerns-api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './concerns.css';

// /programs/:programId/concerns: the safeguarding lead's page, and no one else's. Each concern
// with the record of what was done, and a form to add to it and close it.

/** What was done, and closing when nothing more is to be done. */
function AddAction({ programId, concern }: { programId: string; concern: ConcernView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fieldIds = { note: `concern-note-${concern.id}` } as const;
  const problems = useFormProblems<'note'>(fieldIds);
  const [note, setNote] = useState('');
  const [close, setClose] = useState(false);
  const mutation = useMutation({
    mutationFn: () => addConcernAction(concern.id, { note, close }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: (updated) => {
        problems.clear();
        setNote('');
        setClose(false);
        queryClient.setQueryData<ConcernsList>(concernsKey(programId), (list) =>
          list
            ? {
                ...list,
                concerns: list.concerns.map((each) => (each.id === updated.id ? updated : each)),
              }
            : list,
        );
        showToast({ title: t('youthConcerns.page.add.saved') });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) =>
            problem.code === 'too_big'
              ? t('youthConcerns.page.add.errors.noteLong')
              : t('youthConcerns.page.add.errors.note'),
        }),
    });
  }

  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form concern__add">
      {problems.summary}
      {concern.status === 'closed' ? (
        <p className="concern__reopens">{t('youthConcerns.page.add.reopens')}</p>
      ) : null}
      <TextField
        id={fieldIds.note}
        label={t('youthConcerns.page.add.note')}
        description={t('youthConcerns.page.add.noteHelp')}
        multiline
        value={note}
        onChange={setNote}
        errorMessage={problems.error('note')}
      />
      <Checkbox isSelected={close} onChange={setClose}>
        {t('youthConcerns.page.add.close')}
      </Checkbox>
      <FormActions submit={t('youthConcerns.page.add.save')} isBusy={mutation.isPending} />
    </Form>
  );
}

function Concern({ programId, concern }: { programId: string; concern: ConcernView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const headingId = `concern-${concern.id}`;
  return (
    <article className={`concern concern--${concern.status}`} aria-labelledby={headingId}>
      <div className="concern__top">
        <h2 id={headingId} className="concern__heading">
          {t('youthConcerns.page.concernHeading', { at: formatDateTime(concern.raisedAt) })}
        </h2>
        <span className={`badge ${concern.status === 'open' ? 'badge--accent' : 'badge--sage'}`}>
          {t(`youthConcerns.page.status.${concern.status}`)}
        </span>
      </div>
      <p className="concern__by">
        {concern.raisedByName === null
          ? t('youthConcerns.page.raisedByRemoved')
          : t('youthConcerns.page.raisedBy', { name: concern.raisedByName })}
      </p>
      <p className="concern__body">{concern.body}</p>
      <h3 className="concern__record-heading">{t('youthConcerns.page.record')}</h3>
      {concern.actions.length === 0 ? (
        <p className="concern__muted">{t('youthConcerns.page.nothingYet')}</p>
      ) : (
        <ol className="concern__record">
          {concern.actions.map((action) => (
            <li key={`${action.at}-${action.note}`}>
              <p className="concern__muted">
                {t('youthConcerns.page.actionBy', {
                  name: action.byName,
                  at: formatDateTime(action.at),
                })}
              </p>
              <p className="concern__note">{action.note}</p>
              {action.closed ? (
                <p className="concern__closed">{t('youthConcerns.page.closedIt')}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <AddAction programId={programId} concern={concern} />
    </article>
  );
}

export function ConcernsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  // Opened straight from the email: the header then offers the lead's account.
  useSignedIn();
  const concerns = useQuery({
    queryKey: concernsKey(programId),
    queryFn: ({ signal }) => fetchConcerns(programId, signal),
    retry: retryUnlessRefused,
  });
  const programName = concerns.data?.programName;
  useDocumentTitle(
    programName
      ? t('youthConcerns.page.heading', { program: programName })
      : t('youthConcerns.page.title'),
  );
  if (concerns.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (concerns.isError) {
    const notLead = concerns.error instanceof ApiError && concerns.error.status === 403;
    return (
      <div className="status-page">
        <PageHeading>
          {notLead ? t('youthConcerns.page.notLead.heading') : t('youthConcerns.page.title')}
        </PageHeading>
        <LoadProblem
          error={concerns.error}
          refused={t('youthConcerns.page.notLead.body')}
          failed={t('youthConcerns.page.failed')}
          onRetry={() => void concerns.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="concerns-page">
      <PageHeading>
        {t('youthConcerns.page.heading', { program: concerns.data.programName })}
      </PageHeading>
      <p className="form-page__lead">{t('youthConcerns.page.lead')}</p>
      {concerns.data.concerns.length === 0 ? (
        <p>{t('youthConcerns.page.none')}</p>
      ) : (
        concerns.data.concerns.map((concern) => (
          <Concern key={concern.id} programId={programId} concern={concern} />
        ))
      )}
    </div>
  );
}
