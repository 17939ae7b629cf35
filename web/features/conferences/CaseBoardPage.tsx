import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CaseSummary } from '../../../shared/conferences/contract.ts';
import { type CaseStage, caseStages } from '../../../shared/conferences/machine.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { boardKey, fetchBoard, fetchSettings, outcomesCsvHref, settingsKey } from './api.ts';
import { CaseCard } from './CaseCard.tsx';
import { useHarmLabel } from './labels.ts';
import { configuringRoles, exportingRoles, holdsIn } from './roles.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

/** The stage filter in the address; one that is not a stage is left out rather than refused. */
function useStageFilter(): [CaseStage | '', (stage: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('stage') ?? '';
  const stage = (caseStages as readonly string[]).includes(value) ? (value as CaseStage) : '';
  const change = (next: string) =>
    setParams(next ? { stage: next } : {}, { replace: true, preventScrollReset: true });
  return [stage, change];
}

/** The cases by stage, in the workflow's order; a stage with no case is left out. */
function Board({
  cases,
  programId,
  mayConfigure,
}: {
  cases: readonly CaseSummary[];
  programId: string;
  mayConfigure: boolean;
}) {
  const { t } = useTranslation();
  const harmLabel = useHarmLabel();
  // The program's own names for its categories; staff who may not read the settings see ids.
  const settings = useQuery({
    queryKey: settingsKey(programId),
    queryFn: ({ signal }) => fetchSettings(programId, signal),
    enabled: mayConfigure,
    retry: false,
  });
  const rules = settings.data?.rules;
  return (
    <div className="case-board">
      {caseStages.map((stage) => {
        const inStage = cases.filter((summary) => summary.stage === stage);
        if (inStage.length === 0) return null;
        return (
          <section key={stage} className="case-board__stage" aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`} className="case-board__heading">
              {t(`conferences.stages.${stage}`)}{' '}
              <span className="case-board__count">
                {t('conferences.board.count', { count: inStage.length })}
              </span>
            </h2>
            <ul className="case-list">
              {inStage.map((summary) => (
                <CaseCard
                  key={summary.id}
                  summary={summary}
                  harmLabel={harmLabel(summary.harmType, rules)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** /programs/:programId/conferences: the program's case board, for its case teams. */
export function CaseBoardPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [stage, setStage] = useStageFilter();
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const board = useQuery({
    queryKey: boardKey(programId, stage),
    queryFn: ({ signal }) => fetchBoard(programId, stage, signal),
    retry: retryUnlessRefused,
    // While another stage loads, the board stays in place instead of flashing empty.
    placeholderData: keepPreviousData,
  });
  const name = program.data?.name;
  useDocumentTitle(
    name ? t('conferences.board.heading', { program: name }) : t('conferences.board.title'),
  );

  if (program.isPending || board.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !board.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.board.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={program.error ?? board.error}
          refused={t('conferences.board.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void board.refetch();
          }}
        />
      </div>
    );
  }
  const organisationIds = program.data.organisations.map((organisation) => organisation.id);
  const roles = me.data?.roles;
  const base = `/programs/${programId}/conferences`;
  const mayConfigure = holdsIn(roles, configuringRoles, programId, organisationIds);
  return (
    <div className="case-board-page">
      <PageHeading>{t('conferences.board.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('conferences.board.lead')}</p>
      <ul className="conference-links conference-links--row">
        <li>
          <Link to={`${base}/overdue`}>{t('conferences.board.overdueLink')}</Link>
        </li>
        {mayConfigure ? (
          <li>
            <Link to={`${base}/settings`}>{t('conferences.board.settingsLink')}</Link>
          </li>
        ) : null}
        {holdsIn(roles, exportingRoles, programId, organisationIds) ? (
          <li>
            <a href={outcomesCsvHref(programId)} download>
              {t('conferences.board.exportLink')}
            </a>
          </li>
        ) : null}
        <li>
          <Link to={`/programs/${programId}/circles`}>
            {t('circles.list.heading', { program: program.data.name })}
          </Link>
        </li>
      </ul>
      <div className="case-board__filter">
        <SelectField
          id="board-stage"
          label={t('conferences.board.filter')}
          placeholder={t('conferences.board.allStages')}
          value={stage}
          onChange={setStage}
          options={caseStages.map((value) => ({
            value,
            label: t(`conferences.stages.${value}`),
          }))}
        />
      </div>
      <p className="case-board__shown" role="status">
        {board.data.length === 0
          ? stage
            ? t('conferences.board.noneInStage')
            : t('conferences.board.none')
          : t('conferences.board.shown', { count: board.data.length })}
      </p>
      <Board cases={board.data} programId={programId} mayConfigure={mayConfigure} />
    </div>
  );
}
