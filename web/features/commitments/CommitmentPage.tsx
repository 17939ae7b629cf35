import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CommitmentDetail } from '../../../shared/commitments/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { commitmentKey, fetchCommitment } from './api.ts';
import { ProgressLine, StatusMarks, useOwnerName } from './badges.tsx';
import { MoveDueDateForm } from './MoveDueDateForm.tsx';
import { Timeline } from './Timeline.tsx';
import { UpdateForm } from './UpdateForm.tsx';
import { VerifyForm } from './VerifyForm.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './commitments.css';

function Facts({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const ownerName = useOwnerName();
  const kind = t(`commitments.sources.${commitment.source}`);
  // A meeting's own words say more than "Meeting or other"; a circle's say which circle.
  const source =
    commitment.source === 'manual'
      ? commitment.sourceLabel || kind
      : [kind, commitment.sourceLabel].filter(Boolean).join(': ');
  return (
    <dl className="commitment-facts">
      <div>
        <dt>{t('commitments.detail.facts.status')}</dt>
        <dd>
          <StatusMarks commitment={commitment} />
        </dd>
      </div>
      <div>
        <dt>{t('commitments.detail.facts.progress')}</dt>
        <dd>
          <ProgressLine percent={commitment.percent} />
        </dd>
      </div>
      <div>
        <dt>{t('commitments.detail.facts.owner')}</dt>
        <dd>{ownerName(commitment.owner)}</dd>
      </div>
      <div>
        <dt>{t('commitments.detail.facts.due')}</dt>
        <dd>{formatDay(commitment.dueOn)}</dd>
      </div>
      <div>
        <dt>{t('commitments.detail.facts.source')}</dt>
        <dd>{commitment.sourceLink ? <a href={commitment.sourceLink}>{source}</a> : source}</dd>
      </div>
      <div>
        <dt>{t('commitments.detail.facts.visibility')}</dt>
        <dd>
          {t(`commitments.visibilities.${commitment.visibility}.label`)}
          <span className="commitment-facts__note">
            {t(`commitments.visibilities.${commitment.visibility}.description`)}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('commitments.detail.facts.program')}</dt>
        <dd>
          <Link to={`/programs/${commitment.programId}/commitments`}>
            {t('commitments.detail.backToProgram', { program: commitment.programName })}
          </Link>
        </dd>
      </div>
    </dl>
  );
}

/** Near the top, the way to what the reader came to do, below a timeline that may be long. */
function JumpLinks({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const links = [
    ...(commitment.may.verify
      ? [{ to: '#verify-heading', label: t('commitments.verify.heading') }]
      : []),
    ...(commitment.may.report
      ? [{ to: '#update-heading', label: t('commitments.update.heading') }]
      : []),
  ];
  if (links.length === 0) return null;
  return (
    <nav aria-label={t('commitments.detail.actionsLabel')}>
      <ul className="commitment-page__jump">
        {links.map((link) => (
          <li key={link.to}>
            <a href={link.to}>{link.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /commitments/:commitmentId: everything about one commitment, and what the reader may do. */
export function CommitmentPage() {
  const { t } = useTranslation();
  const { commitmentId = '' } = useParams();
  useSignedIn();
  const query = useQuery({
    queryKey: commitmentKey(commitmentId),
    queryFn: ({ signal }) => fetchCommitment(commitmentId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(query.data?.title ?? t('commitments.detail.title'));

  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (query.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('commitments.detail.title')}</PageHeading>
        <LoadProblem
          failed={t('commitments.loadFailed')}
          error={query.error}
          refused={t('commitments.detail.notFound')}
          onRetry={() => void query.refetch()}
        />
        <Link to="/commitments">{t('commitments.detail.backToMine')}</Link>
      </div>
    );
  }
  const commitment = query.data;
  return (
    <div className="commitment-page">
      <PageHeading>{commitment.title}</PageHeading>
      {commitment.description ? (
        <p className="commitment-page__description">{commitment.description}</p>
      ) : null}
      <Facts commitment={commitment} />
      {commitment.publicVersion ? (
        <section className="commitment-page__public-version" aria-labelledby="public-version">
          <h2 id="public-version">{t('commitments.detail.publicVersion')}</h2>
          <p className="commitment-page__public-title">{commitment.publicVersion.title}</p>
          {commitment.publicVersion.description ? (
            <p>{commitment.publicVersion.description}</p>
          ) : null}
        </section>
      ) : null}
      {commitment.publicLink ? (
        <p>
          <a href={commitment.publicLink}>{t('commitments.detail.publicLink')}</a>
        </p>
      ) : null}
      <JumpLinks commitment={commitment} />
      {/* What happened comes first: whoever verifies or reports reads the evidence before. */}
      <section className="commitment-page__timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('commitments.detail.timelineHeading')}</h2>
        <Timeline entries={commitment.timeline} />
      </section>
      {commitment.may.verify ? <VerifyForm commitment={commitment} /> : null}
      {commitment.may.report ? <UpdateForm commitment={commitment} /> : null}
      {commitment.may.moveDueDate ? (
        <div className="commitment-page__move">
          <MoveDueDateForm commitment={commitment} />
        </div>
      ) : null}
    </div>
  );
}
