import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  type CreateDialogueBody,
  type DialogueAudience,
  dialogueAudiences,
  GROUP_THRESHOLD_DEFAULT,
  type ModerationMode,
  moderationModes,
} from '../../../shared/dialogues/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { languages } from '../../i18n/languages.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { createDialogue, dialogueKey, dialoguesKey } from './api.ts';
import { dialogueFieldMessage } from './field-messages.ts';
import { instantToLocal, localToInstant } from './figures.ts';
import { SeedStatementsField, seedFieldId } from './SeedStatementsField.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

const baseFieldIds = {
  title: 'dialogue-title',
  description: 'dialogue-description',
  opensAt: 'dialogue-opens-at',
  closesAt: 'dialogue-closes-at',
  audience: 'dialogue-audience',
  moderation: 'dialogue-moderation',
  languages: 'dialogue-languages',
  seedStatements: 'dialogue-seeds-add',
  groupThreshold: 'dialogue-threshold',
};

/** The form's fields by the names the API gives its problems, each seed by its position. */
function fieldIdsFor(seedCount: number): Record<string, string> {
  const ids: Record<string, string> = { ...baseFieldIds };
  for (let index = 0; index < seedCount; index += 1) {
    ids[`seedStatements.${index}`] = seedFieldId(index);
  }
  // The threshold last, where it appears: under "Advanced".
  delete ids.groupThreshold;
  ids.groupThreshold = baseFieldIds.groupThreshold;
  return ids;
}

/** Opens in an hour, on the hour; closes three weeks later: a starting point to change. */
function defaultTimes(): { opens: string; closes: string } {
  const opens = new Date();
  opens.setHours(opens.getHours() + 1, 0, 0, 0);
  const closes = new Date(opens);
  closes.setDate(closes.getDate() + 21);
  return { opens: instantToLocal(opens), closes: instantToLocal(closes) };
}

function LanguagesField({
  value,
  onChange,
  errorMessage,
}: {
  value: readonly string[];
  onChange: (value: string[]) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset id={baseFieldIds.languages} className="form-section dialogue-languages">
      <legend className="field__label">{t('dialogues.create.languages')}</legend>
      <p className="field__description">{t('dialogues.create.languagesHelp')}</p>
      {languages.map((language) => (
        <Checkbox
          key={language.code}
          isSelected={value.includes(language.code)}
          onChange={(selected) =>
            onChange(
              selected ? [...value, language.code] : value.filter((code) => code !== language.code),
            )
          }
        >
          <span lang={language.code}>{language.name}</span>
        </Checkbox>
      ))}
      {errorMessage ? <p className="field__error">{errorMessage}</p> : null}
    </fieldset>
  );
}

function NewDialogueForm({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [times] = useState(defaultTimes);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [opensAt, setOpensAt] = useState(times.opens);
  const [closesAt, setClosesAt] = useState(times.closes);
  const [audience, setAudience] = useState<DialogueAudience>('public');
  const [moderation, setModeration] = useState<ModerationMode>('before');
  const [chosenLanguages, setLanguages] = useState<string[]>(() => [
    ...new Set([i18n.resolvedLanguage ?? 'en', 'en', 'es']),
  ]);
  const [seeds, setSeeds] = useState<string[]>(['']);
  const [threshold, setThreshold] = useState(String(GROUP_THRESHOLD_DEFAULT));
  const problems = useFormProblems<string>(fieldIdsFor(seeds.length));
  const mutation = useMutation({
    mutationFn: (body: CreateDialogueBody) => createDialogue(programId, body),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    // The server checks everything and answers each field in its words; blank seed rows are
    // left out, everything else is sent as typed.
    const body = {
      title,
      description,
      opensAt: localToInstant(opensAt),
      closesAt: localToInstant(closesAt),
      audience,
      moderation,
      languages: chosenLanguages,
      seedStatements: seeds.filter((seed) => seed.trim() !== ''),
      groupThreshold: threshold.trim() === '' ? undefined : Number(threshold),
    } as CreateDialogueBody;
    mutation.mutate(body, {
      onSuccess: (created) => {
        queryClient.setQueryData(dialogueKey(created.id), created);
        void queryClient.invalidateQueries({ queryKey: dialoguesKey });
        showToast({ title: t('dialogues.create.created') });
        void navigate(`/dialogues/${created.id}`);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => dialogueFieldMessage(t, problem),
        }),
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={baseFieldIds.title}
          label={t('dialogues.create.topic')}
          description={t('dialogues.create.topicHelp')}
          value={title}
          onChange={setTitle}
          errorMessage={problems.error('title')}
        />
        <TextField
          id={baseFieldIds.description}
          label={t('dialogues.create.description')}
          description={t('dialogues.create.descriptionHelp')}
          multiline
          value={description}
          onChange={setDescription}
          errorMessage={problems.error('description')}
        />
        <DateField
          withTime
          id={baseFieldIds.opensAt}
          label={t('dialogues.create.opensAt')}
          description={t('dialogues.create.timesHelp')}
          value={opensAt}
          onChange={setOpensAt}
          errorMessage={problems.error('opensAt')}
        />
        <DateField
          withTime
          id={baseFieldIds.closesAt}
          label={t('dialogues.create.closesAt')}
          value={closesAt}
          onChange={setClosesAt}
          errorMessage={problems.error('closesAt')}
        />
        <RadioGroup
          id={baseFieldIds.audience}
          label={t('dialogues.create.audience')}
          layout="stack"
          value={audience}
          onChange={(value) => setAudience(value as DialogueAudience)}
          options={dialogueAudiences.map((value) => ({
            value,
            label: t(`dialogues.create.audiences.${value}.label`),
            description: t(`dialogues.create.audiences.${value}.description`),
          }))}
          errorMessage={problems.error('audience')}
        />
        <RadioGroup
          id={baseFieldIds.moderation}
          label={t('dialogues.create.moderation')}
          layout="stack"
          value={moderation}
          onChange={(value) => setModeration(value as ModerationMode)}
          options={moderationModes.map((value) => ({
            value,
            label: t(`dialogues.create.moderations.${value}.label`),
            description: t(`dialogues.create.moderations.${value}.description`),
          }))}
          errorMessage={problems.error('moderation')}
        />
        <LanguagesField
          value={chosenLanguages}
          onChange={setLanguages}
          errorMessage={problems.error('languages')}
        />
        <SeedStatementsField
          seeds={seeds}
          onChange={setSeeds}
          errorFor={(index) => problems.error(`seedStatements.${index}`)}
        />
        {problems.error('seedStatements') ? (
          <p className="field__error">{problems.error('seedStatements')}</p>
        ) : null}
        <details className="dialogue-advanced" open={Boolean(problems.error('groupThreshold'))}>
          <summary>{t('dialogues.create.advanced')}</summary>
          <TextField
            id={baseFieldIds.groupThreshold}
            label={t('dialogues.create.threshold')}
            description={t('dialogues.create.thresholdHelp')}
            inputMode="numeric"
            className="field--short"
            value={threshold}
            onChange={setThreshold}
            errorMessage={problems.error('groupThreshold')}
          />
        </details>
        <FormActions
          submit={t('dialogues.create.submit')}
          isBusy={mutation.isPending}
          cancel={{
            label: t('dialogues.create.cancel'),
            onPress: () => void navigate(`/programs/${programId}/dialogues`),
          }}
        />
      </Form>
    </>
  );
}

/** /programs/:programId/dialogues/new: open a guided dialogue on one topic. */
export function NewDialoguePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  useDocumentTitle(t('dialogues.create.title'));
  useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  if (program.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!program.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.create.title')}</PageHeading>
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
      <PageHeading>{t('dialogues.create.title')}</PageHeading>
      <p className="form-page__lead">
        {t('dialogues.create.lead', { program: program.data.name })}
      </p>
      <NewDialogueForm programId={programId} />
    </div>
  );
}
