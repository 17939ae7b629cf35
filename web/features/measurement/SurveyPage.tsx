import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SurveyDetail } from '../../../shared/measurement/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchSurvey, surveyKey } from './api.ts';
import { ManageSurvey } from './ManageSurvey.tsx';
import { PublicLinkSection } from './PublicLinkSection.tsx';
import { SurveyResults } from './SurveyResults.tsx';
import { SurveyStateMark } from './SurveyStateMark.tsx';
import { pickTranslation } from './survey-form.ts';
import { surveyQuestions } from './survey-questions.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

function Facts({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  return (
    <dl className="measurement-facts">
      <div>
        <dt>{t('measurement.survey.facts.kind')}</dt>
        <dd>{t(`measurement.kinds.${survey.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.state')}</dt>
        <dd>
          <SurveyStateMark state={survey.state} />
        </dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.opens')}</dt>
        <dd>{formatTime(survey.opensAt)}</dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.closes')}</dt>
        <dd>
          {survey.closesAt ? formatTime(survey.closesAt) : t('measurement.surveys.openUntilClosed')}
        </dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.responses')}</dt>
        <dd>{survey.responses}</dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.invitations')}</dt>
        <dd>
          {t('measurement.survey.facts.invitationsValue', {
            sent: survey.invitations.sent,
            answered: survey.invitations.answered,
          })}
        </dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.threshold')}</dt>
        <dd>{survey.threshold}</dd>
      </div>
      <div>
        <dt>{t('measurement.survey.facts.languages')}</dt>
        <dd>
          {survey.languages
            .map((language) => t(`measurement.languageNames.${language}`))
            .join(', ')}
        </dd>
      </div>
    </dl>
  );
}

function Questions({ survey }: { survey: SurveyDetail }) {
  const { t, i18n } = useTranslation();
  const questions = surveyQuestions(survey, i18n.language);
  return (
    <section className="measurement-section" aria-labelledby="survey-questions">
      <h2 id="survey-questions">{t('measurement.survey.questionsHeading')}</h2>
      <ol className="survey-questions">
        {questions.map((question) => (
          <li key={question.id}>
            <span>{question.prompt}</span>{' '}
            <span className="badge">
              {question.construct
                ? t(`measurement.constructs.${question.construct}`)
                : t('measurement.survey.ownQuestion')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** /surveys/:surveyId: one survey, its link and poster, how to change it, and its results. */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { surveyId = '' } = useParams();
  useSignedIn();
  const survey = useQuery({
    queryKey: surveyKey(surveyId),
    queryFn: ({ signal }) => fetchSurvey(surveyId, signal),
    retry: retryUnlessRefused,
  });
  const title = survey.data ? pickTranslation(survey.data.title, i18n.language) : '';
  useDocumentTitle(title || t('measurement.survey.title'));
  if (survey.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!survey.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.survey.title')}</PageHeading>
        <LoadProblem
          failed={t('measurement.survey.loadFailed')}
          error={survey.error}
          refused={t('measurement.survey.notAllowed')}
          onRetry={() => void survey.refetch()}
        />
      </div>
    );
  }
  const data = survey.data;
  return (
    <div className="measurement-page">
      <p className="measurement-eyebrow">
        <Link to={`/programs/${data.programId}/surveys`}>
          {t('measurement.survey.programLink')}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <Facts survey={data} />
      <p>
        <Link to={`/programs/${data.programId}/measurement`} className="measurement-link">
          {t('measurement.survey.dashboardLink')}
        </Link>
      </p>
      <PublicLinkSection survey={data} />
      <ManageSurvey survey={data} />
      <Questions survey={data} />
      <SurveyResults survey={data} />
    </div>
  );
}
