import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DialogueReport, ReportStatement } from '../../../shared/dialogues/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { dialogueKey, fetchDialogue, fetchReport, reportCsvHref, reportKey } from './api.ts';
import { CommitmentLinks, CommitmentSection } from './CommitmentForm.tsx';
import { AuthorMark } from './marks.tsx';
import { ChartLegend, ReportSummary } from './ReportSummary.tsx';
import { StatementChart } from './StatementChart.tsx';
import { SynthesisEditor } from './SynthesisEditor.tsx';
import { useReportLive } from './useReportLive.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

function StatementResult({
  statement,
  threshold,
}: {
  statement: ReportStatement;
  threshold: number;
}) {
  const { t } = useTranslation();
  return (
    <li className="statement-result" id={`statement-${statement.id}`}>
      <h3 className="statement-result__title">
        {t('dialogues.vote.statementNumber', { number: statement.number })}
      </h3>
      <p className="statement-result__text" lang={statement.language}>
        {statement.text}
      </p>
      <p>
        <AuthorMark role={statement.authorRole} />
        {statement.responses.length > 0 ? (
          <span className="dialogue-muted">
            {' '}
            {t('dialogues.results.responses', { count: statement.responses.length })}
          </span>
        ) : null}
      </p>
      <StatementChart statement={statement} threshold={threshold} />
    </li>
  );
}

function StatementSection({
  id,
  heading,
  lead,
  empty,
  statements,
  threshold,
}: {
  id: string;
  heading: string;
  lead: string;
  empty: string;
  statements: readonly ReportStatement[];
  threshold: number;
}) {
  return (
    <section className="dialogue-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p>{lead}</p>
      {statements.length === 0 ? (
        <p className="dialogue-muted">{empty}</p>
      ) : (
        <ol className="statement-results">
          {statements.map((statement) => (
            <StatementResult key={statement.id} statement={statement} threshold={threshold} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Common ground first, then divisive, then every other statement: each statement once. */
function sections(report: DialogueReport) {
  const byId = new Map(report.statements.map((statement) => [statement.id, statement]));
  const pick = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const statement = byId.get(id);
      return statement ? [statement] : [];
    });
  const commonGround = pick(report.commonGround);
  const divisive = pick(report.divisive.filter((id) => !report.commonGround.includes(id)));
  const placed = new Set([...report.commonGround, ...report.divisive]);
  const others = report.statements.filter((statement) => !placed.has(statement.id));
  return { commonGround, divisive, others };
}

/** /dialogues/:dialogueId/report: the results, live, for facilitators and oversight reviewers. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { dialogueId = '' } = useParams();
  useDocumentTitle(t('dialogues.results.title'));
  useSignedIn();
  const updatedAt = useReportLive(dialogueId);
  const dialogue = useQuery({
    queryKey: dialogueKey(dialogueId),
    queryFn: ({ signal }) => fetchDialogue(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  const report = useQuery({
    queryKey: reportKey(dialogueId),
    queryFn: ({ signal }) => fetchReport(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  if (dialogue.isPending || report.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!dialogue.data || !report.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.results.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={dialogue.error ?? report.error}
          refused={t('dialogues.results.notAllowed')}
          onRetry={() => {
            void dialogue.refetch();
            void report.refetch();
          }}
        />
      </div>
    );
  }
  const data = report.data;
  const { commonGround, divisive, others } = sections(data);
  const time = updatedAt
    ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(updatedAt)
    : null;
  return (
    <div className="dialogues-page report">
      <p className="dialogue-eyebrow">
        <Link to={`/dialogues/${dialogueId}`}>{data.title}</Link>
      </p>
      <PageHeading>{t('dialogues.results.title')}</PageHeading>
      <p className="form-page__lead">
        {t('dialogues.results.lead', { threshold: data.threshold })}
      </p>
      <div className="report__bar">
        <a href={reportCsvHref(dialogueId)} download className="dialogues-page__link">
          {t('dialogues.results.csv')}
        </a>
        <p className="report__updated dialogue-muted">
          {time ? t('dialogues.results.updatedAt', { time }) : t('dialogues.results.live')}
        </p>
      </div>
      {dialogue.data.source ? (
        <p className="dialogue-notice">
          {t('dialogues.results.source', { source: dialogue.data.source })}
        </p>
      ) : null}
      <ReportSummary report={data} />
      <ChartLegend />
      <StatementSection
        id="report-common-ground"
        heading={t('dialogues.results.commonGround')}
        lead={t('dialogues.results.commonGroundLead')}
        empty={t('dialogues.results.noCommonGround')}
        statements={commonGround}
        threshold={data.threshold}
      />
      <StatementSection
        id="report-divisive"
        heading={t('dialogues.results.divisive')}
        lead={t('dialogues.results.divisiveLead')}
        empty={t('dialogues.results.noDivisive')}
        statements={divisive}
        threshold={data.threshold}
      />
      <StatementSection
        id="report-others"
        heading={t('dialogues.results.others')}
        lead={t('dialogues.results.othersLead')}
        empty={t('dialogues.results.noOthers')}
        statements={others}
        threshold={data.threshold}
      />
      {dialogue.data.can.moderate ? (
        <>
          <SynthesisEditor dialogue={dialogue.data} synthesis={data.synthesis} />
          <CommitmentSection
            dialogueId={dialogueId}
            programId={dialogue.data.programId}
            commonGround={commonGround}
            commitments={data.commitments}
          />
        </>
      ) : (
        <section className="dialogue-section" aria-labelledby="synthesis-heading">
          <h2 id="synthesis-heading">{t('dialogues.synthesis.heading')}</h2>
          <p className="dialogue-synthesis-text">
            {data.synthesis || t('dialogues.synthesis.none')}
          </p>
          <CommitmentLinks commitments={data.commitments} />
        </section>
      )}
    </div>
  );
}
