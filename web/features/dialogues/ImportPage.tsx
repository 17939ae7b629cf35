import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { NativeField } from '../../ui/NativeField.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { dialogueKey, dialoguesKey, importPolis } from './api.ts';
import { dialogueFieldMessage } from './field-messages.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

const fieldIds = {
  title: 'polis-title',
  commentsCsv: 'polis-comments',
  votesCsv: 'polis-votes',
} as const;

/** A CSV file chosen from the device, read here as text: it goes to the server in the request. */
function CsvField({
  id,
  label,
  description,
  errorMessage,
  onRead,
}: {
  id: string;
  label: string;
  description: string;
  errorMessage?: string;
  onRead: (text: string) => void;
}) {
  return (
    <NativeField id={id} label={label} description={description} errorMessage={errorMessage}>
      {(control) => (
        <input
          {...control}
          type="file"
          accept=".csv,text/csv"
          className="field__input dialogue-file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            onRead(file ? await file.text() : '');
          }}
        />
      )}
    </NativeField>
  );
}

/** /programs/:programId/dialogues/import: a Pol.is conversation, archived, with its results. */
export function ImportPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t('dialogues.import.title'));
  useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const [title, setTitle] = useState('');
  const [commentsCsv, setComments] = useState('');
  const [votesCsv, setVotes] = useState('');
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: () => importPolis(programId, { title, commentsCsv, votesCsv }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: (created) => {
        queryClient.setQueryData(dialogueKey(created.id), created);
        void queryClient.invalidateQueries({ queryKey: dialoguesKey });
        showToast({ title: t('dialogues.import.done') });
        void navigate(`/dialogues/${created.id}/report`);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => dialogueFieldMessage(t, problem),
        }),
    });
  }

  if (program.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!program.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.import.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={program.error}
          refused={t('dialogues.list.notAllowed')}
          onRetry={() => void program.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="form-page">
      <PageHeading>{t('dialogues.import.title')}</PageHeading>
      <p className="form-page__lead">
        {t('dialogues.import.lead', { program: program.data.name })}
      </p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.title}
          label={t('dialogues.create.topic')}
          value={title}
          onChange={setTitle}
          errorMessage={problems.error('title')}
        />
        <CsvField
          id={fieldIds.commentsCsv}
          label={t('dialogues.import.comments')}
          description={t('dialogues.import.commentsHelp')}
          errorMessage={problems.error('commentsCsv')}
          onRead={setComments}
        />
        <CsvField
          id={fieldIds.votesCsv}
          label={t('dialogues.import.votes')}
          description={t('dialogues.import.votesHelp')}
          errorMessage={problems.error('votesCsv')}
          onRead={setVotes}
        />
        <p className="form-page__note">{t('dialogues.import.note')}</p>
        <FormActions
          submit={t('dialogues.import.submit')}
          isBusy={mutation.isPending}
          cancel={{
            label: t('dialogues.create.cancel'),
            onPress: () => void navigate(`/programs/${programId}/dialogues`),
          }}
        />
      </Form>
    </div>
  );
}
