import { useEffect, useRef, useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CircleDetail } from '../../../shared/circles/contract.ts';
import {
  type CircleState,
  isKeeper,
  participantOf,
  stages,
} from '../../../shared/circles/machine.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { Captions } from './Captions.tsx';
import { Composer, type Draft, emptyDraft } from './Composer.tsx';
import { KeeperPanel } from './KeeperPanel.tsx';
import type { CircleLive, LiveView } from './live.ts';
import { MediaPanel } from './MediaPanel.tsx';
import { MediaTiles, MicStatus } from './MediaTiles.tsx';
import { MessageList } from './MessageList.tsx';
import { outcomeMessage, problemMessage, refusalMessage } from './outcomes.ts';
import { PreviousHarvest } from './PreviousHarvest.tsx';
import { SafetyBar } from './SafetyBar.tsx';
import { SeatingRing } from './SeatingRing.tsx';
import { useAnnouncements } from './useAnnouncements.ts';
import { useCaptions } from './useCaptions.ts';
import { useCircleLive } from './useCircleLive.ts';
import { useCircleMedia } from './useCircleMedia.ts';
import './room.css';

/** The stage, its place among the eight, and the round's question when one is posed. */
function StageCard({ state }: { state: CircleState }) {
  const { t } = useTranslation();
  return (
    <section className="stage-card" aria-labelledby="stage-heading">
      <p className="stage-card__step">
        {t('circles.room.stageStep', {
          position: stages.indexOf(state.stage) + 1,
          total: stages.length,
        })}
      </p>
      <h2 id="stage-heading" className="stage-card__stage">
        {t(`circles.stages.${state.stage}`)}
      </h2>
      {state.question ? (
        <p className="stage-card__question">
          <span className="visually-hidden">{t('circles.room.questionLabel')} </span>
          {state.question}
        </p>
      ) : (
        <p className="stage-card__no-question">{t(`circles.stageHelp.${state.stage}`)}</p>
      )}
    </section>
  );
}

/** Where the room stands, in words: reconnecting, waiting for the keeper, paused, locked. */
function Notices({ view, keeperView }: { view: LiveView; keeperView: boolean }) {
  const { t } = useTranslation();
  const { state } = view;
  const notices: string[] = [];
  if (view.connection === 'connecting') notices.push(t('circles.room.connecting'));
  if (view.connection === 'reconnecting') notices.push(t('circles.room.reconnecting'));
  if (state.status === 'waiting') {
    notices.push(keeperView ? t('circles.room.waitingKeeper') : t('circles.room.waiting'));
  }
  if (state.status === 'paused') notices.push(t('circles.room.paused'));
  return (
    <div className="room__notices" role="status">
      {notices.map((notice) => (
        <p key={notice} className="circle-notice">
          {notice}
        </p>
      ))}
    </div>
  );
}

function PieceCallout({ state, you }: { state: CircleState; you: string }) {
  const { t } = useTranslation();
  if (state.status === 'waiting' || state.status === 'closed') return null;
  const holder = state.holder ? participantOf(state, state.holder) : undefined;
  if (state.holder === you) return null;
  return (
    <p className="piece-callout">
      {holder ? t('circles.room.listening', { name: holder.name }) : t('circles.room.noHolder')}
    </p>
  );
}

/** On a phone the keeper's tools come after the circle: one tap takes the keeper there. */
function toKeeperTools() {
  const heading = document.getElementById('keeper-heading');
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/** The circle has closed: thanks, and the way to its harvest. */
function Closed({ circleId }: { circleId: string }) {
  const { t } = useTranslation();
  return (
    <section className="room__closed" aria-labelledby="closed-heading">
      <h2 id="closed-heading">{t('circles.room.closedHeading')}</h2>
      <p>{t('circles.room.closedBody')}</p>
      <Link to={`/circles/${circleId}/harvest`} className={buttonClassName('primary')}>
        {t('circles.room.toHarvest')}
      </Link>
    </section>
  );
}

/**
 * Takes the person's seat when they are not in the circle (first arrival, or back after being
 * away): the server seats them under the name they chose before joining.
 */
function useTakeSeat(view: LiveView, live: CircleLive): void {
  const { t } = useTranslation();
  const asking = useRef(false);
  const { you, state, synced } = view;
  const me = you ? participantOf(state, you) : undefined;
  const needsSeat = synced && you !== null && state.status !== 'closed' && !me?.present;
  useEffect(() => {
    if (!needsSeat || asking.current || me?.removed) return;
    asking.current = true;
    // The name and role are the seat's; the server fills them in.
    void live
      .send({ type: 'join', name: me?.name ?? '-', role: me?.role ?? 'resident' })
      .then((outcome) => {
        asking.current = false;
        // Seated meanwhile (another tab) is no news; a locked room or a dropped line is.
        if (outcome.kind === 'refused' && outcome.reason === 'already_present') return;
        const message = outcomeMessage(t, outcome);
        if (message) showToast({ title: message });
      });
  }, [needsSeat, me, live, t]);
}

/** The live room: the circle as everyone sees it, and the keepers' tools beside it. */
export function Room({ circle, seat }: { circle: CircleDetail; seat: string }) {
  const { t } = useTranslation();
  const { live, view, run } = useCircleLive(circle.id);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const you = view.you ?? seat;
  const spoken = useAnnouncements(live, you);
  const media = useCircleMedia(circle.id, live, view, run);
  const captions = useCaptions(live, view, media.local);
  useTakeSeat(view, live);
  const { state } = view;
  const keeperView = isKeeper(state, you);
  const closed = state.status === 'closed' || view.problem === 'circle_closed';
  const holding = state.holder === you && !closed;
  const language = circle.language === 'es' ? 'es' : 'en';

  if (view.problem && view.problem !== 'circle_closed') {
    // Someone the keeper asked to leave hears it plainly, with the program's support beside it.
    const removed = participantOf(state, you)?.removed === true;
    return (
      <div className="status-page">
        <PageHeading>{circle.purpose}</PageHeading>
        <p className="status-page__body">
          {removed ? refusalMessage(t, 'removed') : problemMessage(t, view.problem)}
        </p>
        {removed && circle.supportResources.trim() ? (
          <p className="support__text">
            {t('circles.room.supportAfterRemoval', { resources: circle.supportResources })}
          </p>
        ) : null}
        <Link to={`/circles/${circle.id}`}>{t('circles.room.backToCircle')}</Link>
      </div>
    );
  }
  return (
    <div className={`room${keeperView ? ' room--keeper' : ''}`}>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {spoken}
      </p>
      <div className="room__main">
        <p className="circle-page__eyebrow">{t('circles.room.eyebrow')}</p>
        <PageHeading>{circle.purpose}</PageHeading>
        <Notices view={view} keeperView={keeperView} />
        {keeperView && !closed ? (
          <AriaButton className="link-button room__to-keeper" onPress={toKeeperTools}>
            {t('circles.room.toKeeperTools')}
          </AriaButton>
        ) : null}
        {closed ? <Closed circleId={circle.id} /> : <StageCard state={state} />}
        {!closed && circle.series && state.stage === 'opening' ? (
          <PreviousHarvest circleId={circle.id} timeZone={circle.timeZone} />
        ) : null}
        <PieceCallout state={state} you={you} />
        {closed ? null : <MicStatus state={state} you={you} />}
        {holding ? (
          <Composer draft={draft} onDraft={setDraft} run={run} paused={state.status === 'paused'} />
        ) : null}
        {closed ? null : (
          <MediaTiles state={state} you={you} local={media.local} peers={media.peers} />
        )}
        {closed || !captions.show ? null : <Captions state={state} board={captions.board} />}
        <SeatingRing state={state} you={you} />
        <MessageList state={state} you={you} keeperView={keeperView} run={run} />
        {closed ? null : <MediaPanel media={media} captions={captions} />}
        <SafetyBar
          state={state}
          you={you}
          run={run}
          supportResources={circle.supportResources}
          keeperView={keeperView}
        />
      </div>
      {keeperView && !closed ? (
        <KeeperPanel state={state} you={you} language={language} run={run} />
      ) : null}
    </div>
  );
}
