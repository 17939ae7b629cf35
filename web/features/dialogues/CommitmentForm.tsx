import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type CommitmentVisibility,
  commitmentVisibilities,
} from '../../../shared/commitments/contract.ts';
import type {
  DialogueCommitmentBody,
  ReportStatement,
} from '../../../shared/dialogues/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { commitmentsKey, fetchOwnerChoices, ownerChoicesKey } from '../commitments/api.ts';
import { commitmentFieldMessage } from '../commitments/field-messages.ts';
import { OwnerFields, type OwnerValue, ownerFieldIds } from '../commitments/OwnerFields.tsx';
import { makeCommitment, reportKey } from './api.ts';

function fieldIdsFor(ownerKind: OwnerValue['kind']) {
  const owner = ownerKind === 'person' ? ownerFieldIds.person : ownerFieldIds.organisation;
  return {
    title: 'dialogue-commitment-title',
    description: 'dialogue-commitment-description',
    owner,
    'owner.personId': ownerFieldIds.person,
    'owner.organisationId': ownerFieldIds.organisation,
    'owner.unit': ownerFieldIds.unit,
    dueOn: 'dialogue-commitment-due-on',
    visibility: 'dialogue-commitment-visibility',
    statementIds: 'dialogue-commitment-statements',
  };
}

function NewCommitment({
  dialogueId,
  programId,
  commonGround,
  onDone,
}: {
  dialogueId: string;
  programId: string;
  commonGround: readonly ReportStatement[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choices = useQuery({
    queryKey: ownerChoicesKey(programId),
    queryFn: ({ signal }) => fetchOwnerChoices(programId, signal),
    retry: retryUnlessRefused,
  });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<OwnerValue>({
    kind: 'organisation',
    personId: '',
    organisationId: '',
    unit: '',
  });
  const [dueOn, setDueOn] = useState('');
  const [visibility, setVisibility] = useState<CommitmentVisibility>('public');
  const [statementIds, setStatementIds] = useState<string[]>([]);
  const fieldIds = fieldIdsFor(owner.kind);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: DialogueCommitmentBody) => makeCommitment(dialogueId, body),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = {
      title,
      description,
      owner:
        owner.kind === 'person'
          ? { kind: 'person', personId: owner.personId }
          : { kind: 'organisation', organisationId: owner.organisationId, unit: owner.unit },
      dueOn,
      visibility,
      statementIds,
    } as DialogueCommitmentBody;
    mutation.mutate(body, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: reportKey(dialogueId) });
        void queryClient.invalidateQueries({ queryKey: commitmentsKey, refetchType: 'none' });
        showToast({ title: t('dialogues.commitment.created') });
        onDone();
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (field, problem) =>
            field === 'statementIds'
              ? t('dialogues.commitment.statementsError')
              : commitmentFieldMessage(t, problem),
        }),
    });
  }

  if (!choices.data) return <p className="page-loading">{t('app.loading')}</p>;
  const ownerError =
    problems.error('owner') ??
    problems.error(owner.kind === 'person' ? 'owner.personId' : 'owner.organisationId');
  return (
    <div className="dialogue-panel">
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.title}
          label={t('dialogues.commitment.titleField')}
          description={t('dialogues.commitment.titleHelp')}
          value={title}
          onChange={setTitle}
          errorMessage={problems.error('title')}
        />
        <TextField
          id={fieldIds.description}
          label={t('dialogues.commitment.description')}
          multiline
          value={description}
          onChange={setDescription}
          errorMessage={problems.error('description')}
        />
        <OwnerFields
          choices={choices.data}
          value={owner}
          onChange={setOwner}
          ownerError={ownerError}
          unitError={problems.error('owner.unit')}
        />
        <DateField
          id={fieldIds.dueOn}
          label={t('dialogues.commitment.dueOn')}
          value={dueOn}
          onChange={setDueOn}
          errorMessage={problems.error('dueOn')}
        />
        <RadioGroup
          id={fieldIds.visibility}
          label={t('dialogues.commitment.visibility')}
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
        {commonGround.length > 0 ? (
          <fieldset id={fieldIds.statementIds} className="form-section">
            <legend className="field__label">{t('dialogues.commitment.statements')}</legend>
            {commonGround.map((statement) => (
              <Checkbox
                key={statement.id}
                isSelected={statementIds.includes(statement.id)}
                onChange={(selected) =>
                  setStatementIds((list) =>
                    selected ? [...list, statement.id] : list.filter((id) => id !== statement.id),
                  )
                }
              >
                {t('dialogues.commitment.statementOption', {
                  number: statement.number,
                  text: statement.text,
                })}
              </Checkbox>
            ))}
            {problems.error('statementIds') ? (
              <p className="field__error">{problems.error('statementIds')}</p>
            ) : null}
          </fieldset>
        ) : null}
        <FormActions
          submit={t('dialogues.commitment.submit')}
          isBusy={mutation.isPending}
          cancel={{ label: t('dialogues.cancel'), onPress: onDone }}
        />
      </Form>
    </div>
  );
}

/** "Turn into a commitment": a promise on the accountability register, from the common ground. */
export function CommitmentSection({
  dialogueId,
  programId,
  commonGround,
  commitments,
}: {
  dialogueId: string;
  programId: string;
  commonGround: readonly ReportStatement[];
  commitments: readonly { id: string; title: string }[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="dialogue-section" aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t('dialogues.commitment.heading')}</h2>
      <p>{t('dialogues.commitment.lead')}</p>
      <CommitmentLinks commitments={commitments} />
      {open ? (
        <NewCommitment
          dialogueId={dialogueId}
          programId={programId}
          commonGround={commonGround}
          onDone={() => setOpen(false)}
        />
      ) : (
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t('dialogues.commitment.open')}
        </Button>
      )}
    </section>
  );
}

/** The commitments already made from this dialogue, each linked to the register. */
export function CommitmentLinks({
  commitments,
  publicPage = false,
}: {
  commitments: readonly { id: string; title: string }[];
  publicPage?: boolean;
}) {
  const { i18n } = useTranslation();
  if (commitments.length === 0) return null;
  return (
    <ul className="dialogue-commitments">
      {commitments.map((commitment) => (
        <li key={commitment.id}>
          {publicPage ? (
            // The register's public pages are served by the server, in the reader's language.
            <a href={`/register/commitments/${commitment.id}?lang=${i18n.language}`}>
              {commitment.title}
            </a>
          ) : (
            <Link to={`/commitments/${commitment.id}`}>{commitment.title}</Link>
          )}
        </li>
      ))}
    </ul>
  );
}
