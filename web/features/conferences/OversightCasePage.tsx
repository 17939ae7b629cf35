import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OversightView, SignOffBody } from '../../../shared/conferences/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchOversight, oversightKey, signOff } from './api.ts';
import { useHarmLabel } from './labels.ts';
import { ItemStatusMark, StageSteps } from './marks.tsx';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

const fieldIds = { approved: 'sign-off-decision', comment: 'sign-off-comment' } as const;
type Field = keyof typeof fieldIds;
type Decision = 'approve' | 'return';

/** The reviewer's decision on what awaits them: approve, or return it with a comment. */
function SignOffForm({ view, stage }: { view: OversightView; stage: 'screening' | 'closure' }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useCaseChange(
    (body: SignOffBody) => signOff(view.id, body),
    (body) =>
      body.approved
        ? t('conferences.oversight.approvedDone')
        : t('conferences.oversight.returnedDone'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = {
      stage,
      approved: decision === null ? undefined : decision === 'approve',
      comment,
    } as SignOffBody;
    mutation.mutate(body, {
      onSuccess: () => {
        problems.clear();
        setComment('');
        setDecision(null);
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <section className="conference-panel" aria-labelledby="sign-off-heading">
      <h2 id="sign-off-heading">{t(`conferences.oversight.awaiting.${stage}`)}</h2>
      <p>{t(`conferences.oversight.awaitingHelp.${stage}`)}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <RadioGroup
          id={fieldIds.approved}
          label={t('conferences.oversight.decision')}
          layout="stack"
          value={decision}
          onChange={(value) => setDecision(value as Decision)}
          errorMessage={problems.error('approved')}
          options={(['approve', 'return'] as const).map((value) => ({
            value,
            label: t(`conferences.oversight.decisions.${value}`),
          }))}
        />
        <TextField
          id={fieldIds.comment}
          label={t('conferences.oversight.comment')}
          description={t('conferences.oversight.commentHelp')}
          multiline
          value={comment}
          onChange={setComment}
          errorMessage={problems.error('comment')}
        />
        <FormActions submit={t('conferences.oversight.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

function Decisions({ view }: { view: OversightView }) {
  const { t } = useTranslation();
  const harmLabel = useHarmLabel();
  const word = (signed: OversightView['signOff']['screening']) =>
    signed === null
      ? t('conferences.oversight.notSigned')
      : signed.approved
        ? t('conferences.oversight.approved')
        : t('conferences.oversight.returned', { comment: signed.comment });
  return (
    <dl className="case-facts">
      <div>
        <dt>{t('conferences.case.referral.harm')}</dt>
        <dd>{harmLabel(view.harmType, view.harmLabel)}</dd>
      </div>
      <div>
        <dt>{t('conferences.screening.eligibilityHeading')}</dt>
        <dd>
          {view.eligibility ? (
            <>
              {t(`conferences.screening.eligible.${view.eligibility.eligible ? 'yes' : 'no'}`)}
              <span className="conference-words case-quote">{view.eligibility.reason}</span>
            </>
          ) : (
            t('conferences.screening.notYet')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('conferences.screening.safetyHeading')}</dt>
        <dd>
          {view.safety
            ? `${t(`conferences.screening.safe.${view.safety.safe ? 'yes' : 'no'}`)}. ${t(`conferences.screening.voluntary.${view.safety.voluntary ? 'yes' : 'no'}`)}.`
            : t('conferences.screening.notYet')}
        </dd>
      </div>
      <div>
        <dt>{t('conferences.oversight.screeningSignOff')}</dt>
        <dd>{word(view.signOff.screening)}</dd>
      </div>
      {view.pendingClosure ? (
        <div>
          <dt>{t('conferences.oversight.closureAsked')}</dt>
          <dd>
            {t(`conferences.outcomes.${view.pendingClosure.outcome}`)}
            {view.pendingClosure.reason ? (
              <span className="conference-words case-quote">{view.pendingClosure.reason}</span>
            ) : null}
          </dd>
        </div>
      ) : null}
      {view.outcome ? (
        <div>
          <dt>{t('conferences.closure.outcome')}</dt>
          <dd>{t(`conferences.outcomes.${view.outcome.outcome}`)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** /conferences/:conferenceId/oversight: decisions and reasons, never statements or notes. */
export function OversightCasePage() {
  const { t } = useTranslation();
  const { conferenceId = '' } = useParams();
  const formatDay = useFormatDay();
  useSignedIn();
  const query = useQuery({
    queryKey: oversightKey(conferenceId),
    queryFn: ({ signal }) => fetchOversight(conferenceId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(
    query.data
      ? t('conferences.oversight.heading', { reference: query.data.reference })
      : t('conferences.oversight.title'),
  );
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (query.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.oversight.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={query.error}
          refused={t('conferences.case.notFound')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const view = query.data;
  return (
    <div className="case-page">
      <PageHeading>{t('conferences.oversight.heading', { reference: view.reference })}</PageHeading>
      <p className="form-page__lead">{t('conferences.oversight.lead')}</p>
      <StageSteps stage={view.stage} />
      {view.awaiting ? (
        <SignOffForm key={view.awaiting} view={view} stage={view.awaiting} />
      ) : (
        <p className="case-notice">{t('conferences.oversight.nothingWaiting')}</p>
      )}
      <section className="case-section" aria-labelledby="oversight-decisions">
        <h2 id="oversight-decisions">{t('conferences.oversight.decisionsHeading')}</h2>
        <Decisions view={view} />
      </section>
      {view.items.length > 0 ? (
        <section className="case-section" aria-labelledby="oversight-items">
          <h2 id="oversight-items">{t('conferences.agreement.heading')}</h2>
          <ul className="case-plain-list">
            {view.items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the reviewer's view has no item ids
              <li key={index}>
                {t(`conferences.itemKinds.${item.kind}`)}, {formatDay(item.dueOn)}{' '}
                <ItemStatusMark status={item.status} overdue={false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="case-back">
        <Link to="/conferences/mine">{t('conferences.mine.backLink')}</Link>
      </p>
    </div>
  );
}
