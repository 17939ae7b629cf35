import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AttachSurveyBody, CourseDetail } from '../../../shared/training/contract.ts';
import { api } from '../../app/api.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProgramSurveys, programSurveysKey } from '../measurement/api.ts';
import { courseKey } from './api.ts';
import { pickText } from './translated.ts';

// A course's before-and-after survey: one of the program's training surveys, whose before link
// learners are given as they start and whose after link as they finish, so that the trust
// dashboard compares the two sides. Only managers of the course see this.

const fieldIds = { surveyId: 'course-survey' } as const;

function attachSurvey(courseId: string, body: AttachSurveyBody) {
  return api<CourseDetail>(`/api/courses/${encodeURIComponent(courseId)}/survey`, {
    method: 'PUT',
    body,
  });
}

export function BeforeAfterSection({ detail }: { detail: CourseDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [surveyId, setSurveyId] = useState(detail.surveyId ?? '');
  const problems = useFormProblems<keyof typeof fieldIds>(fieldIds);
  const surveys = useQuery({
    queryKey: programSurveysKey(detail.programId),
    queryFn: ({ signal }) => fetchProgramSurveys(detail.programId, signal),
    retry: retryUnlessRefused,
  });
  const mutation = useMutation({
    mutationFn: (body: AttachSurveyBody) => attachSurvey(detail.id, body),
  });
  const trainingSurveys = (surveys.data ?? []).filter((survey) => survey.kind === 'training');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate(
      { surveyId: surveyId || null },
      {
        onSuccess: (saved) => {
          problems.clear();
          queryClient.setQueryData(courseKey(detail.id), saved);
          showToast({
            title: saved.surveyId
              ? t('training.beforeAfter.attached')
              : t('training.beforeAfter.detached'),
          });
        },
        onError: (error) =>
          problems.showFailure(error, {
            fieldMessage: () => t('training.beforeAfter.notTraining'),
          }),
      },
    );
  }

  return (
    <section className="training-section" aria-labelledby="before-after-heading">
      <h2 id="before-after-heading">{t('training.beforeAfter.heading')}</h2>
      <p>{t('training.beforeAfter.lead')}</p>
      {problems.summary}
      {surveys.isSuccess && trainingSurveys.length === 0 && !detail.surveyId ? (
        <p>{t('training.beforeAfter.none')}</p>
      ) : (
        <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
          <SelectField
            id={fieldIds.surveyId}
            label={t('training.beforeAfter.survey')}
            value={surveyId}
            onChange={setSurveyId}
            errorMessage={problems.error('surveyId')}
            options={[
              { value: '', label: t('training.beforeAfter.noSurvey') },
              ...trainingSurveys.map((survey) => ({
                value: survey.id,
                label: pickText(survey.title, i18n.language).text,
              })),
            ]}
          />
          <Button type="submit" isDisabled={mutation.isPending}>
            {t('training.beforeAfter.save')}
          </Button>
        </Form>
      )}
    </section>
  );
}
