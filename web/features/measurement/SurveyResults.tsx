import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  SurveyResults as Results,
  SurveyDetail,
} from '../../../shared/measurement/contract.ts';
import { ApiError } from '../../app/api.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { Button } from '../../ui/Button.tsx';
import { fetchResults, resultsKey } from './api.ts';
import { shareBar } from './chart.ts';
import { FigureTable } from './FigureTable.tsx';
import { answerLabel, type QuestionText, surveyQuestions } from './survey-questions.ts';
import { useFigureWords } from './useFigureWords.ts';

const WIDTH = 1000;
const HEIGHT = 20;

type QuestionResult = NonNullable<Results['questions']>[number];

/** How many gave each answer, as bars and as a table; the favourable share below them. */
function QuestionCounts({
  number,
  question,
  result,
}: {
  number: number;
  question: QuestionText | undefined;
  result: QuestionResult;
}) {
  const { t, i18n } = useTranslation();
  const words = useFigureWords();
  const total = result.counts.reduce((sum, count) => sum + count.n, 0);
  const rows = result.counts.map((count) => ({
    ...count,
    label: question ? answerLabel(question, count.value, i18n.language) : count.value,
  }));
  return (
    <li className="question-result">
      <h3 className="question-result__title">
        {number}. {question?.prompt ?? result.id}
      </h3>
      <ul className="question-result__rows">
        {rows.map((row) => (
          <li key={row.value} className="count-row">
            <span className="count-row__label">{row.label}</span>
            <svg
              className="count-bar"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <rect width={WIDTH} height={HEIGHT} className="share-bar__empty" />
              <rect
                width={shareBar(total === 0 ? 0 : row.n / total, null, WIDTH).filled}
                height={HEIGHT}
                className="share-bar__filled"
              />
            </svg>
            <span className="count-row__n">{row.n}</span>
          </li>
        ))}
      </ul>
      {result.favourable ? (
        <p className="question-result__favourable">
          {t('measurement.results.favourable', { share: words.share(result.favourable) })}
        </p>
      ) : null}
      <details className="figure-details">
        <summary>{t('measurement.results.showTable', { number })}</summary>
        <FigureTable caption={t('measurement.results.caption', { number })}>
          <thead>
            <tr>
              <th scope="col">{t('measurement.results.answer')}</th>
              <th scope="col">{t('measurement.results.people')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.value}>
                <th scope="row">{row.label}</th>
                <td>{row.n}</td>
              </tr>
            ))}
          </tbody>
        </FigureTable>
      </details>
    </li>
  );
}

function WrittenAnswers({
  texts,
  questions,
}: {
  texts: NonNullable<Results['texts']>;
  questions: readonly QuestionText[];
}) {
  const { t } = useTranslation();
  const asked = questions.filter((question) =>
    texts.some((text) => text.questionId === question.id),
  );
  return (
    <section className="measurement-subsection" aria-labelledby="survey-texts">
      <h3 id="survey-texts">{t('measurement.results.textsHeading')}</h3>
      <p>{t('measurement.results.textsLead')}</p>
      {asked.length === 0 ? (
        <p className="measurement-muted">{t('measurement.results.noTexts')}</p>
      ) : (
        asked.map((question) => (
          <div key={question.id} className="written-answers">
            <h4 className="written-answers__question">{question.prompt}</h4>
            <ul className="written-answers__list">
              {texts
                .filter((text) => text.questionId === question.id)
                .map((text, index) => (
                  // Written answers have no id of their own, by design; their place is their key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
                  <li key={index}>{text.text}</li>
                ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

/**
 * The answers counted up to the cutoff (the survey's close, else the end of the last ended
 * quarter), once enough people answered; written answers once the survey has closed.
 */
function ResultsShown({
  results,
  questions,
}: {
  results: Results;
  questions: readonly QuestionText[];
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  if (results.cutoff === null) {
    return <p className="measurement-notice">{t('measurement.results.noneCounted')}</p>;
  }
  const cutoff = <p>{t('measurement.results.cutoff', { date: words.day(results.cutoff) })}</p>;
  if (results.questions === null) {
    return (
      <>
        {cutoff}
        <p className="measurement-notice">
          {t('measurement.results.notYet', { threshold: results.threshold, n: results.n })}
        </p>
      </>
    );
  }
  const byId = new Map(questions.map((question) => [question.id, question]));
  return (
    <>
      {cutoff}
      <p>{t('measurement.results.lead', { n: results.n })}</p>
      <ol className="question-results">
        {results.questions.map((result, index) => (
          <QuestionCounts
            key={result.id}
            number={index + 1}
            question={byId.get(result.id)}
            result={result}
          />
        ))}
      </ol>
      {results.texts ? (
        <WrittenAnswers texts={results.texts} questions={questions} />
      ) : questions.some((question) => question.scale === null && question.options === null) ? (
        <p className="measurement-muted">{t('measurement.results.textsWhenClosed')}</p>
      ) : null}
    </>
  );
}

/** A survey's results once enough people answered; until then, how many more are needed. */
export function SurveyResults({ survey }: { survey: SurveyDetail }) {
  const { t, i18n } = useTranslation();
  const results = useQuery({
    queryKey: resultsKey(survey.id),
    queryFn: ({ signal }) => fetchResults(survey.id, signal),
    retry: retryUnlessRefused,
  });
  const questions = surveyQuestions(survey, i18n.language);
  // Someone who may manage a survey but not read figures sees no results at all.
  if (results.error instanceof ApiError && results.error.status === 403) return null;
  return (
    <section className="measurement-section" aria-labelledby="survey-results">
      <h2 id="survey-results">{t('measurement.results.heading')}</h2>
      {results.isPending ? (
        <p className="page-loading">{t('app.loading')}</p>
      ) : !results.data ? (
        <div role="alert">
          <p>{t('measurement.results.loadFailed')}</p>
          <Button onPress={() => void results.refetch()} isBusy={results.isFetching}>
            {t('ui.retry')}
          </Button>
        </div>
      ) : (
        <ResultsShown results={results.data} questions={questions} />
      )}
    </section>
  );
}
