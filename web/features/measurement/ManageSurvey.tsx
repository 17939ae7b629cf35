import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SurveyDetail, UpdateSurveyBody } from '../../../shared/measurement/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { closeSurvey, measurementKey, surveyKey, updateSurvey } from './api.ts';
import { surveyFailure } from './field-messages.ts';
import { changedFields, changesFormOf, type SurveyChanges } from './survey-changes.ts';

// For those who manage a survey: its title and closing date, and closing it early. The
// questions stay as they are once anyone has answered, so they are not offered here.

const titleId = (language: string) => `survey-change-title-${language}`;
const closesAtId = 'survey-change-closes-at';

function useSaveDetail(surveyId: string) {
  const queryClient = useQueryClient();
  return (detail: SurveyDetail) => {
    queryClient.setQueryData(surveyKey(surveyId), detail);
    void queryClient.invalidateQueries({ queryKey: measurementKey });
  };
}

function ChangeForm({ survey, close }: { survey: SurveyDetail; close: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDetail(survey.id);
  const [form, setForm] = useState<SurveyChanges>(() => changesFormOf(survey));
  const fieldIds: Record<string, string> = {};
  for (const language of survey.languages) fieldIds[`title.${language}`] = titleId(language);
  fieldIds.closesAt = closesAtId;
  const problems = useFormProblems<string>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: UpdateSurveyBody) => updateSurvey(survey.id, body),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = changedFields(survey, form);
    if (Object.keys(body).length === 0) {
      close();
      return;
    }
    mutation.mutate(body, {
      onSuccess: (detail) => {
        save(detail);
        close();
        showToast({ title: t('measurement.survey.manage.changed') });
      },
      onError: (error) => {
        const first = survey.languages[0] ?? 'en';
        const found = surveyFailure(t, error, fieldIds, (field) =>
          field === 'title' ? `title.${first}` : field,
        );
        if (found) problems.show(found.fields, found.message);
        else problems.showFailure(error);
      },
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        {survey.languages.map((language) => (
          <TextField
            key={language}
            id={titleId(language)}
            label={t('measurement.create.titleIn', {
              language: t(`measurement.languageNames.${language}`),
            })}
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
        <DateField
          withTime
          id={closesAtId}
          label={t('measurement.create.closesAt')}
          description={t('measurement.create.closesHelp')}
          value={form.closesAt}
          onChange={(closesAt) => setForm((previous) => ({ ...previous, closesAt }))}
          errorMessage={problems.error('closesAt')}
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending}>
            {t('measurement.survey.manage.save')}
          </Button>
          <Button variant="quiet" onPress={close}>
            {t('measurement.cancel')}
          </Button>
        </div>
      </Form>
    </>
  );
}

function CloseBody({ survey, close }: { survey: SurveyDetail; close: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDetail(survey.id);
  const problems = useFormProblems({});
  const mutation = useMutation({ mutationFn: () => closeSurvey(survey.id) });
  return (
    <>
      <p>{t('measurement.survey.manage.closeBody')}</p>
      <ul className="measurement-bullets">
        <li>{t('measurement.survey.manage.closeNoMore')}</li>
        <li>{t('measurement.survey.manage.closeFigures')}</li>
        <li>{t('measurement.survey.manage.closeFinal')}</li>
      </ul>
      {problems.summary}
      <div className="form-actions">
        <Button
          variant="danger"
          isBusy={mutation.isPending}
          onPress={() => {
            if (mutation.isPending) return;
            mutation.mutate(undefined, {
              onSuccess: (detail) => {
                save(detail);
                close();
                showToast({ title: t('measurement.survey.manage.closed') });
              },
              onError: (error) =>
                problems.showFailure(error, {
                  statusMessage: (failure) =>
                    failure.status === 409 ? t('measurement.survey.manage.notOpen') : undefined,
                }),
            });
          }}
        >
          {t('measurement.survey.manage.closeConfirm')}
        </Button>
        <Button variant="quiet" onPress={close}>
          {t('measurement.cancel')}
        </Button>
      </div>
    </>
  );
}

export function ManageSurvey({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [closing, setClosing] = useState(false);
  if (!survey.canManage || survey.state === 'closed') return null;
  return (
    <section className="measurement-section" aria-labelledby="survey-manage">
      <h2 id="survey-manage">{t('measurement.survey.manage.heading')}</h2>
      <p>{t('measurement.survey.manage.lead')}</p>
      <div className="measurement-actions">
        <Button variant="secondary" onPress={() => setChanging(true)}>
          {t('measurement.survey.manage.change')}
        </Button>
        <Button variant="danger" onPress={() => setClosing(true)}>
          {t('measurement.survey.manage.close')}
        </Button>
      </div>
      <Dialog
        title={t('measurement.survey.manage.change')}
        isOpen={changing}
        onOpenChange={setChanging}
      >
        {(close) => <ChangeForm survey={survey} close={close} />}
      </Dialog>
      <Dialog
        title={t('measurement.survey.manage.closeTitle')}
        isOpen={closing}
        onOpenChange={setClosing}
      >
        {(close) => <CloseBody survey={survey} close={close} />}
      </Dialog>
    </section>
  );
}
