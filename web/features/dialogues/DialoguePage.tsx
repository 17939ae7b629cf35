import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DialogueDetail } from '../../../shared/dialogues/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { AddStatement } from './AddStatement.tsx';
import { dialogueKey, fetchDialogue, joinSignedIn } from './api.ts';
import { DialogueExplained } from './DialogueExplained.tsx';
import { JoinForm } from './JoinForm.tsx';
import { JoinLinkSection } from './JoinLinkSection.tsx';
import { ManageDialogue } from './ManageDialogue.tsx';
import { MyStatements } from './MyStatements.tsx';
import { StateMark } from './marks.tsx';
import { Voting } from './Voting.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

function Facts({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  return (
    <details className="dialogue-about">
      <summary>{t('dialogues.page.about')}</summary>
      <dl className="dialogue-facts">
        <div>
          <dt>{t('dialogues.facts.state')}</dt>
          <dd>
            <StateMark state={dialogue.state} />
          </dd>
        </div>
        <div>
          <dt>{t('dialogues.facts.opens')}</dt>
          <dd>{formatTime(dialogue.opensAt)}</dd>
        </div>
        <div>
          <dt>{t('dialogues.facts.closes')}</dt>
          <dd>{formatTime(dialogue.closesAt)}</dd>
        </div>
        <div>
          <dt>{t('dialogues.facts.moderation')}</dt>
          <dd>{t(`dialogues.moderationShort.${dialogue.moderation}`)}</dd>
        </div>
        <div>
          <dt>{t('dialogues.facts.program')}</dt>
          <dd>
            <Link to={`/programs/${dialogue.programId}/dialogues`}>
              {t('dialogues.list.heading', { program: dialogue.programName })}
            </Link>
          </dd>
        </div>
      </dl>
      {dialogue.you ? (
        <p className="dialogue-muted">
          {t('dialogues.page.youAre', { name: dialogue.you.displayName })}
        </p>
      ) : null}
    </details>
  );
}

/** The facilitator's ways in: the queue, the results, and the public link. */
function FacilitatorTools({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const live = dialogue.state === 'open' || dialogue.state === 'upcoming';
  return (
    <>
      <div className="dialogues-page__actions">
        {dialogue.can.moderate ? (
          <Link to={`/dialogues/${dialogue.id}/moderation`} className={buttonClassName('primary')}>
            {dialogue.toModerate
              ? t('dialogues.page.moderateCount', { count: dialogue.toModerate })
              : t('dialogues.page.moderate')}
          </Link>
        ) : null}
        {dialogue.can.readReport ? (
          <Link to={`/dialogues/${dialogue.id}/report`} className={buttonClassName('secondary')}>
            {t('dialogues.page.results')}
          </Link>
        ) : null}
      </div>
      {dialogue.can.moderate && live && dialogue.audience === 'public' ? (
        <JoinLinkSection dialogue={dialogue} />
      ) : null}
      <ManageDialogue dialogue={dialogue} />
    </>
  );
}

/** Closed, archived, blocked or not yet open: a calm word instead of the voting. */
function Notice({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  if (dialogue.you?.blocked) {
    return <p className="dialogue-notice">{t('dialogues.page.blocked')}</p>;
  }
  if (dialogue.state === 'upcoming') {
    return (
      <p className="dialogue-notice">
        {t('dialogues.page.upcoming', { date: formatTime(dialogue.opensAt) })}
      </p>
    );
  }
  const archived = dialogue.state === 'archived';
  return (
    <div className="dialogue-notice">
      <p>{archived ? t('dialogues.page.archived') : t('dialogues.page.closed')}</p>
      {archived && dialogue.source ? (
        <p>{t('dialogues.results.source', { source: dialogue.source })}</p>
      ) : null}
      {dialogue.resultsPublic ? (
        <Link to={`/public/dialogues/${dialogue.id}`}>{t('dialogues.page.publicResults')}</Link>
      ) : dialogue.can.readReport ? null : (
        // The facilitator has the results a button away; "may share them later" is for others.
        <p>{t('dialogues.page.resultsLater')}</p>
      )}
    </div>
  );
}

/** Someone of the program who may take part and has not yet: the same form as by the link. */
function JoinHere({ dialogue }: { dialogue: DialogueDetail }) {
  const me = useSignedIn();
  return (
    <>
      <DialogueExplained />
      <JoinForm
        dialogueLanguages={dialogue.languages}
        suggestedName={me.data?.name ?? ''}
        officer={dialogue.joinsAs === 'officer'}
        join={(body) => joinSignedIn(dialogue.id, body)}
      />
    </>
  );
}

function Participation({ dialogue }: { dialogue: DialogueDetail }) {
  const open = dialogue.state === 'open';
  const over = dialogue.state === 'closed' || dialogue.state === 'archived';
  if (!dialogue.you) {
    if (over) return <Notice dialogue={dialogue} />;
    return dialogue.can.takePart ? <JoinHere dialogue={dialogue} /> : null;
  }
  if (dialogue.you.blocked || !open) {
    return (
      <>
        <Notice dialogue={dialogue} />
        <MyStatements dialogueId={dialogue.id} />
      </>
    );
  }
  return (
    <>
      <Voting dialogue={dialogue} />
      <AddStatement dialogue={dialogue} />
      <MyStatements dialogueId={dialogue.id} />
    </>
  );
}

/** /dialogues/:dialogueId: take part (one statement at a time), or run it as a facilitator. */
export function DialoguePage() {
  const { t } = useTranslation();
  const { dialogueId = '' } = useParams();
  // Someone who just joined by the link is signed in now: the header offers their account.
  useSignedIn();
  const dialogue = useQuery({
    queryKey: dialogueKey(dialogueId),
    queryFn: ({ signal }) => fetchDialogue(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(dialogue.data?.title ?? t('dialogues.title'));
  if (dialogue.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (dialogue.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={dialogue.error}
          refused={t('dialogues.page.notAllowed')}
          onRetry={() => void dialogue.refetch()}
        />
      </div>
    );
  }
  const data = dialogue.data;
  return (
    <div className="dialogue-page">
      <p className="dialogue-eyebrow">{data.programName}</p>
      <PageHeading>{data.title}</PageHeading>
      {data.description ? <p className="dialogue-description">{data.description}</p> : null}
      <Facts dialogue={data} />
      {data.can.moderate || data.can.readReport ? <FacilitatorTools dialogue={data} /> : null}
      <Participation dialogue={data} />
    </div>
  );
}
