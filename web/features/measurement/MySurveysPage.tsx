import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MySurvey } from '../../../shared/measurement/contract.ts';
import { ApiError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { refusedState } from './answers.ts';
import { fetchMySurveys, mySurveysKey, tokenForMine } from './api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

/** One waiting survey: a fresh token is made when the person chooses to answer, not before. */
function WaitingSurvey({ survey, heading }: { survey: MySurvey; heading: 'h2' | 'h3' }) {
  const Heading = heading;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problems = useFormProblems({});
  const mutation = useMutation({ mutationFn: () => tokenForMine(survey.invitationId) });
  return (
    <li className="measurement-card">
      <Heading className="measurement-card__title">{survey.title}</Heading>
      {survey.about ? <p>{t('measurement.mine.about', { about: survey.about })}</p> : null}
      <p className="measurement-muted">
        {t('measurement.mine.answerBy', { date: formatDate(survey.expiresAt) })}
      </p>
      {problems.summary}
      <Button
        aria-label={t('measurement.mine.answerLabel', { title: survey.title })}
        isBusy={mutation.isPending}
        onPress={() => {
          if (mutation.isPending) return;
          mutation.mutate(undefined, {
            onSuccess: (answer) => void navigate(`/answer/${encodeURIComponent(answer.token)}`),
            onError: (error) => {
              const state =
                error instanceof ApiError ? refusedState(error.status, error.problem?.code) : null;
              // Answered meanwhile (another device, an emailed link), closed or expired: the
              // list is read again, and the reason is said here.
              if (state !== null) void queryClient.invalidateQueries({ queryKey: mySurveysKey });
              problems.showFailure(error, {
                statusMessage: () =>
                  state === null ? undefined : t(`measurement.mine.refused.${state}`),
              });
            },
          });
        }}
      >
        {t('measurement.mine.answer')}
      </Button>
    </li>
  );
}

/** The surveys waiting for the person, as cards with their titles at the given level. */
export function WaitingSurveys({
  surveys,
  heading,
}: {
  surveys: readonly MySurvey[];
  heading: 'h2' | 'h3';
}) {
  return (
    <ul className="measurement-list">
      {surveys.map((survey) => (
        <WaitingSurvey key={survey.invitationId} survey={survey} heading={heading} />
      ))}
    </ul>
  );
}

/** /surveys: the surveys waiting for the person signed in, after the circles they took part in. */
export function MySurveysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('measurement.mine.title'));
  useSignedIn();
  const surveys = useQuery({
    queryKey: mySurveysKey,
    queryFn: ({ signal }) => fetchMySurveys(signal),
    retry: retryUnlessRefused,
  });
  if (surveys.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!surveys.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.mine.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.mine.loadFailed')}
          error={surveys.error}
          refused={t('measurement.mine.none')}
          onRetry={() => void surveys.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="measurement-page">
      <PageHeading>{t('measurement.mine.title')}</PageHeading>
      <p className="form-page__lead">{t('measurement.mine.lead')}</p>
      {surveys.data.length === 0 ? (
        <p>{t('measurement.mine.none')}</p>
      ) : (
        <WaitingSurveys surveys={surveys.data} heading="h2" />
      )}
    </div>
  );
}
