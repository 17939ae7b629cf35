import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { supportedLanguages } from '../../../shared/about/contract.ts';
import type { CreateSurveyBody, SupportedLanguage } from '../../../shared/measurement/contract.ts';
import { surveyKinds } from '../../../shared/measurement/item-bank.ts';
import {
  GROUP_THRESHOLD_DEFAULT,
  GROUP_THRESHOLD_MAX,
  GROUP_THRESHOLD_MIN,
} from '../../../shared/measurement/survey-definition.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { instantToLocal } from '../dialogues/figures.ts';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { createSurvey, measurementKey, surveyKey } from './api.ts';
import { CustomQuestionsField } from './CustomQuestionsField.tsx';
import { surveyFailure } from './field-messages.ts';
import { ItemPicker } from './ItemPicker.tsx';
import {
  createBodyOf,
  fieldIdsOf,
  formFieldOf,
  formFor,
  type SurveyForm,
  surveyFieldIds,
  withKind,
} from './survey-form.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

/** Opens in an hour, on the hour: a starting point to change. */
function defaultOpening(): string {
  const opens = new Date();
  opens.setHours(opens.getHours() + 1, 0, 0, 0);
  return instantToLocal(opens);
}

function LanguagesField({
  value,
  onChange,
  errorMessage,
}: {
  value: readonly SupportedLanguage[];
  onChange: (value: SupportedLanguage[]) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset id={surveyFieldIds.languages} className="form-section survey-languages">
      <legend className="field__label">{t('measurement.create.languages')}</legend>
      <p className="field__description">{t('measurement.create.languagesHelp')}</p>
      {supportedLanguages.map((code) => (
        <Checkbox
          key={code}
          isSelected={value.includes(code)}
          onChange={(selected) =>
            // Kept in the contract's order, so that titles are asked in the same order each time.
            onChange(
              supportedLanguages.filter((each) =>
                each === code ? selected : value.includes(each),
              ),
            )
          }
        >
          {t(`measurement.languageNames.${code}`)}
        </Checkbox>
      ))}
      {errorMessage ? <p className="field__error">{errorMessage}</p> : null}
    </fieldset>
  );
}

function NewSurveyForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Both languages from the start: residents answer in the one they read best.
  const [form, setForm] = useState<SurveyForm>(() =>
    formFor('after_process', [...supportedLanguages], defaultOpening()),
  );
  const fieldIds = fieldIdsOf(form);
  const problems = useFormProblems<string>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: CreateSurveyBody) => createSurvey(programId, body),
  });
  const set =
    <K extends keyof SurveyForm>(key: K) =>
    (value: SurveyForm[K]) =>
      setForm((previous) => ({ ...previous, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(createBodyOf(form), {
      onSuccess: (created) => {
        queryClient.setQueryData(surveyKey(created.id), created);
        void queryClient.invalidateQueries({ queryKey: measurementKey });
        showToast({ title: t('measurement.create.created') });
        void navigate(`/surveys/${created.id}`);
      },
      onError: (error) => {
        const found = surveyFailure(t, error, fieldIds, (field) => formFieldOf(field, form));
        if (found) problems.show(found.fields, found.message);
        else problems.showFailure(error);
      },
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form survey-create">
        <RadioGroup
          id={surveyFieldIds.kind}
          label={t('measurement.create.kind')}
          layout="stack"
          value={form.kind}
          onChange={(value) => {
            const kind = surveyKinds.find((each) => each === value);
            if (kind) setForm((previous) => withKind(previous, kind));
          }}
          options={surveyKinds.map((value) => ({
            value,
            label: t(`measurement.kinds.${value}`),
            description: t(`measurement.kindDescriptions.${value}`),
          }))}
          errorMessage={problems.error('kind')}
        />
        <LanguagesField
          value={form.languages}
          onChange={set('languages')}
          errorMessage={problems.error('languages')}
        />
        {form.languages.map((language) => (
          <TextField
            key={language}
            id={surveyFieldIds.title(language)}
            label={t('measurement.create.titleIn', {
              language: t(`measurement.languageNames.${language}`),
            })}
            description={t('measurement.create.titleHelp')}
            value={form.title[language] ?? ''}
            onChange={(value) =>
              setForm((previous) => ({
                ...previous,
                title: { ...previous.title, [language]: value },
              }))
            }
            errorMessage={problems.error(`title.${language}`)}
          />
        ))}
        <ItemPicker
          kind={form.kind}
          chosen={form.items}
          onChange={set('items')}
          errorMessage={problems.error('items')}
        />
        <CustomQuestionsField
          questions={form.customQuestions}
          languages={form.languages}
          onChange={set('customQuestions')}
          errorFor={(field) => problems.error(field)}
        />
        {form.kind === 'pulse' ? (
          <TextField
            id={surveyFieldIds.neighbourhoods}
            label={t('measurement.create.neighbourhoods')}
            description={t('measurement.create.neighbourhoodsHelp')}
            multiline
            value={form.neighbourhoods}
            onChange={set('neighbourhoods')}
            errorMessage={problems.error('neighbourhoods')}
          />
        ) : null}
        <DateField
          withTime
          id={surveyFieldIds.opensAt}
          label={t('measurement.create.opensAt')}
          description={t('measurement.create.timesHelp')}
          value={form.opensAt}
          onChange={set('opensAt')}
          errorMessage={problems.error('opensAt')}
        />
        <DateField
          withTime
          id={surveyFieldIds.closesAt}
          label={t('measurement.create.closesAt')}
          description={t('measurement.create.closesHelp')}
          value={form.closesAt}
          onChange={set('closesAt')}
          errorMessage={problems.error('closesAt')}
        />
        <details className="measurement-advanced" open={Boolean(problems.error('threshold'))}>
          <summary>{t('measurement.create.advanced')}</summary>
          <TextField
            id={surveyFieldIds.threshold}
            label={t('measurement.create.threshold')}
            description={t('measurement.create.thresholdHelp', {
              min: GROUP_THRESHOLD_MIN,
              max: GROUP_THRESHOLD_MAX,
              usual: GROUP_THRESHOLD_DEFAULT,
            })}
            inputMode="numeric"
            className="field--short"
            value={form.threshold}
            onChange={set('threshold')}
            errorMessage={problems.error('threshold')}
          />
        </details>
        <FormActions
          submit={t('measurement.create.submit')}
          isBusy={mutation.isPending}
          cancel={{
            label: t('measurement.cancel'),
            onPress: () => void navigate(`/programs/${programId}/surveys`),
          }}
        />
      </Form>
    </>
  );
}

/** /programs/:programId/surveys/new: set up a survey from the bank and the program's own questions. */
export function NewSurveyPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  useDocumentTitle(t('measurement.create.title'));
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
        <PageHeading>{t('measurement.create.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.loadFailed')}
          error={program.error}
          refused={t('measurement.surveys.notAllowed')}
          onRetry={() => void program.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="form-page survey-create-page">
      <PageHeading>{t('measurement.create.title')}</PageHeading>
      <p className="form-page__lead">
        {t('measurement.create.lead', { program: program.data.name })}
      </p>
      <NewSurveyForm programId={programId} />
    </div>
  );
}
