import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../../../shared/about/contract.ts';
import type {
  AnswerBody,
  AnswerState,
  QuestionToAnswer,
  SupportedLanguage,
  SurveyToAnswer,
} from '../../../shared/measurement/contract.ts';
import { roleGroups, TOKEN_DAYS } from '../../../shared/measurement/contract.ts';
import { ApiError } from '../../app/api.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { languages as interfaceLanguages } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import {
  type AnswerDraft,
  answerBodyOf,
  checkAnswers,
  emptyDraft,
  isEmptyAnswer,
  minutesToAnswer,
  questionElementId,
  questionIdOfField,
  refusedState,
  UNSAID,
} from './answers.ts';
import { fetchToAnswer, sendAnswers, toAnswerKey } from './api.ts';
import { answerFieldMessage, answerProblemMessage } from './field-messages.ts';
import { QuestionField } from './QuestionField.tsx';
import { SupportLineList, SurveySupport } from './SurveySupport.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

const aboutYouIds = { roleGroup: 'survey-role-group', neighbourhood: 'survey-neighbourhood' };

const isSupported = (language: string): language is SupportedLanguage =>
  (supportedLanguages as readonly string[]).includes(language);

/** The element ids of the form's fields, by question id and in the order they are asked. */
function fieldIdsOf(survey: SurveyToAnswer): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const question of survey.questions) ids[question.id] = questionElementId(question.id);
  if (survey.asksRoleGroup) ids.roleGroup = aboutYouIds.roleGroup;
  if (survey.neighbourhoods.length > 0) ids.neighbourhood = aboutYouIds.neighbourhood;
  return ids;
}

/** A plain word for a survey that takes no answer now: never an error screen. */
export function AnswerStateMessage({
  state,
  survey,
}: {
  state: Exclude<AnswerState, 'open'>;
  survey: SurveyToAnswer | null;
}) {
  const { t } = useTranslation();
  useDocumentTitle(survey?.title ?? t(`measurement.answer.states.${state}.heading`));
  return (
    <div className="survey-answer status-page">
      {survey ? (
        <p className="measurement-eyebrow">
          {t('measurement.answer.eyebrow', { program: survey.programName })}
        </p>
      ) : null}
      <PageHeading focusOnMount>{t(`measurement.answer.states.${state}.heading`)}</PageHeading>
      <p className="status-page__body">
        {t(`measurement.answer.states.${state}.body`, { days: TOKEN_DAYS })}
      </p>
      {survey ? <SurveySupport support={survey.support} /> : null}
    </div>
  );
}

/** After the answers were received: thanks, and where to turn, in full. */
function ThankYou({ survey }: { survey: SurveyToAnswer }) {
  const { t } = useTranslation();
  return (
    <div className="survey-answer status-page">
      <p className="measurement-eyebrow">
        {t('measurement.answer.eyebrow', { program: survey.programName })}
      </p>
      <PageHeading focusOnMount>{t('measurement.answer.sent.heading')}</PageHeading>
      <p className="status-page__body" role="status">
        {t('measurement.answer.sent.body')}
      </p>
      <section className="survey-support survey-support--open" aria-labelledby="survey-help">
        <h2 id="survey-help">{t('measurement.answer.support.summary')}</h2>
        <SupportLineList support={survey.support} />
      </section>
      <p>{t('measurement.answer.sent.more')}</p>
    </div>
  );
}

/** What is said before the questions: anonymous, optional, how long, who sees what. */
function BeforeYouStart({ survey }: { survey: SurveyToAnswer }) {
  const { t } = useTranslation();
  const aboutYou = (survey.asksRoleGroup ? 1 : 0) + (survey.neighbourhoods.length > 0 ? 1 : 0);
  return (
    <section className="survey-before" aria-labelledby="survey-before-heading">
      <h2 id="survey-before-heading">{t('measurement.answer.beforeHeading')}</h2>
      <p>{t(`measurement.answer.lead.${survey.kind}`)}</p>
      {survey.phase ? <p>{t(`measurement.answer.phaseLead.${survey.phase}`)}</p> : null}
      <ul className="survey-before__points">
        <li>{t('measurement.answer.anonymous')}</li>
        <li>{t('measurement.answer.optional')}</li>
        <li>
          {t('measurement.answer.time', {
            minutes: minutesToAnswer(survey.questions, aboutYou),
          })}
        </li>
        <li>{t('measurement.answer.whoSees', { threshold: survey.threshold })}</li>
      </ul>
    </section>
  );
}

function LanguageChoice({
  survey,
  onChoose,
}: {
  survey: SurveyToAnswer;
  onChoose: (language: SupportedLanguage) => void;
}) {
  const { t } = useTranslation();
  if (survey.languages.length < 2) return null;
  return (
    <RadioGroup
      className="survey-language"
      label={t('measurement.answer.language')}
      value={survey.language}
      onChange={(value) => {
        if (isSupported(value)) onChoose(value);
      }}
      options={survey.languages.map((code) => ({
        value: code,
        label: interfaceLanguages.find((language) => language.code === code)?.name ?? code,
        lang: code,
      }))}
    />
  );
}

function AboutYou({
  survey,
  draft,
  onChange,
  error,
}: {
  survey: SurveyToAnswer;
  draft: AnswerDraft;
  onChange: (update: (draft: AnswerDraft) => AnswerDraft) => void;
  error: (field: 'roleGroup' | 'neighbourhood') => string | undefined;
}) {
  const { t } = useTranslation();
  if (!survey.asksRoleGroup && survey.neighbourhoods.length === 0) return null;
  return (
    <section className="survey-section" aria-labelledby="survey-about-you">
      <h2 id="survey-about-you">{t('measurement.answer.aboutYouHeading')}</h2>
      <p>{t('measurement.answer.aboutYouLead')}</p>
      {survey.asksRoleGroup ? (
        <RadioGroup
          id={aboutYouIds.roleGroup}
          label={t('measurement.answer.roleGroup')}
          layout="stack"
          value={draft.roleGroup === UNSAID ? 'unsaid' : draft.roleGroup}
          onChange={(value) => {
            const role = roleGroups.find((each) => each === value) ?? UNSAID;
            onChange((previous) => ({ ...previous, roleGroup: role }));
          }}
          options={[...roleGroups, 'unsaid' as const].map((value) => ({
            value,
            label: t(`measurement.answer.roles.${value}`),
          }))}
          errorMessage={error('roleGroup')}
        />
      ) : null}
      {survey.neighbourhoods.length > 0 ? (
        <SelectField
          id={aboutYouIds.neighbourhood}
          label={t('measurement.answer.neighbourhood')}
          placeholder={t('measurement.answer.preferNotToSay')}
          value={draft.neighbourhood}
          onChange={(value) => onChange((previous) => ({ ...previous, neighbourhood: value }))}
          options={survey.neighbourhoods.map((name) => ({ value: name, label: name }))}
          errorMessage={error('neighbourhood')}
        />
      ) : null}
    </section>
  );
}

function AnswerForm({
  survey,
  token,
  onChooseLanguage,
  onDone,
  onRefused,
}: {
  survey: SurveyToAnswer;
  token: string;
  onChooseLanguage: (language: SupportedLanguage) => void;
  onDone: () => void;
  /** The survey takes no answer on this token (any more): answered, closed, expired, gone. */
  onRefused: (state: Exclude<AnswerState, 'open'> | null) => void;
}) {
  const { t } = useTranslation();
  // Kept across a change of language: the same questions come back in other words.
  const [draft, setDraft] = useState<AnswerDraft>(emptyDraft);
  const problems = useFormProblems(fieldIdsOf(survey));
  const mutation = useMutation({ mutationFn: (body: AnswerBody) => sendAnswers(token, body) });
  const byId = new Map<string, QuestionToAnswer>(survey.questions.map((q) => [q.id, q]));

  /** The server's field problems at their questions, in the reader's language. */
  function showFieldProblems(error: ApiError) {
    const fields: Record<string, string> = {};
    const others: string[] = [];
    for (const problem of error.fieldProblems) {
      const id =
        problem.field === 'roleGroup' || problem.field === 'neighbourhood'
          ? problem.field
          : questionIdOfField(problem.field, survey.questions);
      if (id !== null) fields[id] ??= answerFieldMessage(t, problem, byId.get(id));
      else if (problem.code === 'empty') others.push(t('measurement.answer.errors.empty'));
      else others.push(problem.message);
    }
    problems.show(fields, others.length > 0 ? others.join(' ') : undefined);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = checkAnswers(survey.questions, draft);
    const messages: Record<string, string> = {};
    for (const [id, problem] of Object.entries(found)) {
      const question = byId.get(id);
      if (question) messages[id] = answerProblemMessage(t, problem, question);
    }
    if (Object.keys(messages).length > 0) {
      problems.show(messages);
      return;
    }
    const body = answerBodyOf(survey.questions, draft, survey.language, survey.neighbourhoods);
    if (isEmptyAnswer(body)) {
      problems.show({}, t('measurement.answer.errors.empty'));
      return;
    }
    mutation.mutate(body, {
      onSuccess: onDone,
      onError: (error) => {
        if (error instanceof ApiError) {
          const state = refusedState(error.status, error.problem?.code);
          if (state !== null || error.status === 404) {
            onRefused(state);
            return;
          }
          if (error.status === 400 && error.fieldProblems.length > 0) {
            showFieldProblems(error);
            return;
          }
        }
        problems.showFailure(error);
      },
    });
  }

  return (
    <>
      <LanguageChoice survey={survey} onChoose={onChooseLanguage} />
      <BeforeYouStart survey={survey} />
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form survey-form">
        <section
          className="survey-section"
          aria-labelledby="survey-questions"
          lang={survey.language}
        >
          <h2 id="survey-questions">{t('measurement.answer.questionsHeading')}</h2>
          {survey.questions.map((question, index) => (
            <QuestionField
              key={question.id}
              question={question}
              number={index + 1}
              total={survey.questions.length}
              draft={draft}
              onChange={setDraft}
              errorMessage={problems.error(question.id)}
            />
          ))}
        </section>
        <AboutYou
          survey={survey}
          draft={draft}
          onChange={setDraft}
          error={(field) => problems.error(field)}
        />
        <FormActions submit={t('measurement.answer.submit')} isBusy={mutation.isPending} />
      </Form>
    </>
  );
}

/**
 * Answering on a one-use token, with no account: the survey in the reader's language (one of
 * the survey's), a plain word when it takes no answer, and thanks once it is sent. A refusal
 * on sending (answered meanwhile, closed, expired) is said in the same plain words.
 */
export function AnswerView({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const wanted = i18n.resolvedLanguage ?? i18n.language;
  const language: SupportedLanguage = isSupported(wanted) ? wanted : 'en';
  const [outcome, setOutcome] = useState<'sent' | Exclude<AnswerState, 'open'> | null>(null);
  const survey = useQuery({
    queryKey: toAnswerKey(token, language),
    queryFn: ({ signal }) => fetchToAnswer(token, language, signal),
    // Another language keeps the page (and what was answered) in place while it comes.
    placeholderData: keepPreviousData,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  useDocumentTitle(survey.data?.title ?? t('measurement.answer.title'));

  async function chooseSurveyLanguage(code: SupportedLanguage) {
    // The page's own words follow the questions' language: one language on the screen.
    if (!(await chooseLanguage(code))) showToast({ title: t('language.failed') });
  }

  function onRefused(state: Exclude<AnswerState, 'open'> | null) {
    // A token gone meanwhile: read again, and the page says the link opens nothing.
    if (state === null) void survey.refetch();
    else setOutcome(state);
  }

  if (survey.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (survey.isError) {
    // Many people on one network (a community centre's) can meet the rate limit together.
    const busy = survey.error instanceof ApiError && survey.error.status === 429;
    if (survey.error instanceof ApiError && !busy && survey.error.status < 500) {
      return (
        <div className="survey-answer status-page">
          <PageHeading focusOnMount>{t('measurement.answer.notFound.heading')}</PageHeading>
          <p className="status-page__body">{t('measurement.answer.notFound.body')}</p>
        </div>
      );
    }
    return (
      <div className="survey-answer status-page">
        <PageHeading>{t('measurement.answer.title')}</PageHeading>
        <div role="alert">
          <p className="status-page__body">
            {busy ? t('measurement.answer.busy.body') : t('measurement.answer.loadFailed')}
          </p>
          <Button onPress={() => void survey.refetch()} isBusy={survey.isFetching}>
            {t('ui.retry')}
          </Button>
        </div>
      </div>
    );
  }
  const data = survey.data;
  if (outcome === 'sent') return <ThankYou survey={data} />;
  if (outcome !== null) return <AnswerStateMessage state={outcome} survey={data} />;
  if (data.state !== 'open') return <AnswerStateMessage state={data.state} survey={data} />;
  return (
    <div className="survey-answer">
      <p className="measurement-eyebrow">
        {t('measurement.answer.eyebrow', { program: data.programName })}
      </p>
      <PageHeading>
        <span lang={data.language}>{data.title}</span>
      </PageHeading>
      <SurveySupport support={data.support} />
      <AnswerForm
        survey={data}
        token={token}
        onChooseLanguage={(code) => void chooseSurveyLanguage(code)}
        onDone={() => setOutcome('sent')}
        onRefused={onRefused}
      />
    </div>
  );
}
