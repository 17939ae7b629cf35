import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type {
  CommitmentOwnerChoices,
  CommitmentVisibility,
  CreateCommitmentRequest,
} from '../../../shared/commitments/contract.ts';
import { commitmentVisibilities } from '../../../shared/commitments/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import {
  commitmentKey,
  commitmentsKey,
  createCommitment,
  fetchOwnerChoices,
  ownerChoicesKey,
} from './api.ts';
import { commitmentFieldMessage } from './field-messages.ts';
import { OwnerFields, type OwnerValue, ownerFieldIds } from './OwnerFields.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './commitments.css';

/** Today on this device, YYYY-MM-DD: the earliest day the calendar offers. */
function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The form's fields by the names the API gives its problems, in the order they appear. */
function fieldIdsFor(ownerKind: OwnerValue['kind']) {
  const owner = ownerKind === 'person' ? ownerFieldIds.person : ownerFieldIds.organisation;
  return {
    title: 'commitment-title',
    description: 'commitment-description',
    sourceLabel: 'commitment-source-label',
    owner,
    'owner.personId': ownerFieldIds.person,
    'owner.organisationId': ownerFieldIds.organisation,
    'owner.unit': ownerFieldIds.unit,
    dueOn: 'commitment-due-on',
    visibility: 'commitment-visibility',
  };
}

function NewCommitmentForm({
  programId,
  programName,
  choices,
}: {
  programId: string;
  programName: string;
  choices: CommitmentOwnerChoices;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sourceLabel, setSourceLabel] = useState('');
  const [owner, setOwner] = useState<OwnerValue>({
    kind: 'person',
    personId: '',
    organisationId: '',
    unit: '',
  });
  const [dueOn, setDueOn] = useState('');
  const [visibility, setVisibility] = useState<CommitmentVisibility | null>(null);
  const fieldIds = fieldIdsFor(owner.kind);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: CreateCommitmentRequest) => createCommitment(programId, body),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    // The server checks everything (a day that passed, an owner outside the program) and
    // answers each field in its words; the form sends what was typed as it is.
    const body = {
      title,
      description,
      source: 'manual',
      sourceLabel,
      owner:
        owner.kind === 'person'
          ? { kind: 'person', personId: owner.personId }
          : { kind: 'organisation', organisationId: owner.organisationId, unit: owner.unit },
      dueOn,
      visibility: visibility ?? undefined,
    } as CreateCommitmentRequest;
    mutation.mutate(body, {
      onSuccess: (created) => {
        void queryClient.invalidateQueries({ queryKey: commitmentsKey, refetchType: 'none' });
        queryClient.setQueryData(commitmentKey(created.id), created);
        showToast({ title: t('commitments.new.created') });
        void navigate(`/commitments/${created.id}`);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => commitmentFieldMessage(t, problem),
        }),
    });
  }

  const ownerError =
    problems.error('owner') ??
    problems.error(owner.kind === 'person' ? 'owner.personId' : 'owner.organisationId');
  return (
    <div className="form-page">
      <PageHeading>{t('commitments.new.heading')}</PageHeading>
      <p className="form-page__lead">{t('commitments.new.lead', { program: programName })}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.title}
          label={t('commitments.new.titleField')}
          description={t('commitments.new.titleHelp')}
          value={title}
          onChange={setTitle}
          errorMessage={problems.error('title')}
        />
        <TextField
          id={fieldIds.description}
          label={t('commitments.new.description')}
          description={t('commitments.new.descriptionHelp')}
          multiline
          value={description}
          onChange={setDescription}
          errorMessage={problems.error('description')}
        />
        <TextField
          id={fieldIds.sourceLabel}
          label={t('commitments.new.sourceLabel')}
          description={t('commitments.new.sourceLabelHelp')}
          value={sourceLabel}
          onChange={setSourceLabel}
          errorMessage={problems.error('sourceLabel')}
        />
        <OwnerFields
          choices={choices}
          value={owner}
          onChange={setOwner}
          ownerError={ownerError}
          unitError={problems.error('owner.unit')}
        />
        <DateField
          id={fieldIds.dueOn}
          label={t('commitments.new.dueOn')}
          description={t('commitments.new.dueOnHelp')}
          min={localToday()}
          value={dueOn}
          onChange={setDueOn}
          errorMessage={problems.error('dueOn')}
        />
        <RadioGroup
          id={fieldIds.visibility}
          label={t('commitments.new.visibility')}
          layout="stack"
          value={visibility}
          onChange={(value) => setVisibility(value as CommitmentVisibility)}
          errorMessage={problems.error('visibility')}
          options={commitmentVisibilities.map((value) => ({
            value,
            label: t(`commitments.visibilities.${value}.label`),
            description: t(`commitments.visibilities.${value}.description`),
          }))}
        />
        <FormActions
          submit={t('commitments.new.submit')}
          isBusy={mutation.isPending}
          cancel={{
            label: t('commitments.new.cancel'),
            onPress: () => void navigate(`/programs/${programId}/commitments`),
          }}
        />
      </Form>
    </div>
  );
}

/** /programs/:programId/commitments/new: record a commitment by hand, e.g. from a meeting. */
export function NewCommitmentPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  useSignedIn();
  useDocumentTitle(t('commitments.new.title'));
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const choices = useQuery({
    queryKey: ownerChoicesKey(programId),
    queryFn: ({ signal }) => fetchOwnerChoices(programId, signal),
    retry: retryUnlessRefused,
  });
  if (program.isPending || choices.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !choices.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('commitments.new.heading')}</PageHeading>
        <LoadProblem
          failed={t('commitments.loadFailed')}
          error={program.error ?? choices.error}
          refused={t('commitments.new.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void choices.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <NewCommitmentForm
      programId={programId}
      programName={program.data.name}
      choices={choices.data}
    />
  );
}
