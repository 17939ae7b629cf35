import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Acknowledgement,
  acknowledgements,
  type CircleState,
  type Message,
  participantOf,
} from '../../../shared/circles/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { RoleBadge } from './SeatingRing.tsx';
import type { RunCommand } from './useCircleLive.ts';

/** Near enough to the end of the list to follow new messages down. */
const FOLLOW_WITHIN_PX = 120;

function Reactions({
  message,
  you,
  speaker,
  run,
}: {
  message: Message;
  you: string | null;
  speaker: string;
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const mine = you ? message.acknowledgedBy[you] : undefined;
  const counts = new Map<Acknowledgement, number>();
  for (const kind of Object.values(message.acknowledgedBy)) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const own = message.by === you;
  return (
    <div className="message__reactions">
      {own ? (
        <p className="message__counts">
          {acknowledgements
            .filter((kind) => counts.get(kind))
            .map((kind) =>
              t('circles.room.reactionCount', {
                reaction: t(`circles.reactions.${kind}`),
                count: counts.get(kind) ?? 0,
              }),
            )
            .join(' · ')}
        </p>
      ) : (
        <fieldset className="message__reaction-group">
          <legend className="visually-hidden">
            {t('circles.room.reactionsLabel', { name: speaker })}
          </legend>
          {acknowledgements.map((kind) => (
            <Button
              key={kind}
              variant="quiet"
              className={`reaction${mine === kind ? ' reaction--mine' : ''}`}
              aria-pressed={mine === kind}
              isDisabled={mine !== undefined && mine !== kind}
              onPress={() => {
                if (mine === undefined) {
                  void run({ type: 'acknowledge', messageId: message.id, kind });
                }
              }}
            >
              {t(`circles.reactions.${kind}`)}
              {counts.get(kind) ? (
                <span className="reaction__count">{counts.get(kind)}</span>
              ) : null}
            </Button>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function MessageItem({
  message,
  firstOfStage,
  state,
  you,
  keeperView,
  run,
}: {
  message: Message;
  /** The stage's name goes above the first message said in it. */
  firstOfStage: boolean;
  state: CircleState;
  you: string | null;
  keeperView: boolean;
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const speaker = participantOf(state, message.by);
  const name = speaker?.name ?? t('circles.room.someone');
  const reported = you !== null && message.reportedBy.includes(you);
  return (
    <li className={`message${message.by === you ? ' message--own' : ''}`}>
      {firstOfStage ? (
        <p className="message__stage">{t(`circles.stages.${message.stage}`)}</p>
      ) : null}
      <p className="message__who">
        <span className="message__name">
          {message.by === you ? t('circles.room.youName', { name }) : name}
        </span>
        {speaker ? <RoleBadge role={speaker.role} /> : null}
      </p>
      {message.hidden ? (
        <p className="message__hidden">{t('circles.room.hiddenMessage')}</p>
      ) : (
        <>
          <p className="message__text">{message.text}</p>
          <div className="message__actions">
            <Reactions message={message} you={you} speaker={name} run={run} />
            <div className="message__tools">
              {keeperView && message.reportedBy.length > 0 ? (
                <span className="badge badge--accent">
                  {t('circles.room.reportedCount', { count: message.reportedBy.length })}
                </span>
              ) : null}
              {message.by !== you && !reported ? (
                <ConfirmButton
                  label={t('circles.room.report')}
                  ariaLabel={t('circles.room.reportLabel', { name })}
                  title={t('circles.room.reportTitle')}
                  body={t('circles.room.reportBody')}
                  confirm={t('circles.room.reportConfirm')}
                  cancel={t('circles.room.cancel')}
                  variant="quiet"
                  className="message__tool"
                  onConfirm={() => void run({ type: 'report', messageId: message.id })}
                />
              ) : null}
              {reported ? (
                <span className="circle-muted">{t('circles.room.youReported')}</span>
              ) : null}
              {keeperView ? (
                <ConfirmButton
                  label={t('circles.keeper.hide')}
                  ariaLabel={t('circles.keeper.hideLabel', { name })}
                  title={t('circles.keeper.hideTitle')}
                  body={t('circles.keeper.hideBody')}
                  confirm={t('circles.keeper.hideConfirm')}
                  cancel={t('circles.room.cancel')}
                  triggerVariant="quiet"
                  className="message__tool message__tool--hide"
                  onConfirm={() => void run({ type: 'hide', messageId: message.id })}
                />
              ) : null}
            </div>
          </div>
        </>
      )}
    </li>
  );
}

/**
 * What has been said, stage by stage. The list follows new messages down while the reader is at
 * its end, and stays put while they read further up; keyboard users scroll it by moving through
 * its buttons.
 */
export function MessageList({
  state,
  you,
  keeperView,
  run,
}: {
  state: CircleState;
  you: string | null;
  keeperView: boolean;
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLElement>(null);
  const count = state.messages.length;
  // Follows the end as it grows (a new message, another language, another width) when the
  // reader was at the end before it grew; a reader scrolled up to read stays where they are.
  useEffect(() => {
    const element = box.current;
    const list = element?.firstElementChild;
    if (!element || !list) return;
    let before = { height: element.scrollHeight, client: element.clientHeight };
    element.scrollTop = element.scrollHeight;
    const follow = () => {
      const wasAtEnd = before.height - element.scrollTop - before.client < FOLLOW_WITHIN_PX;
      if (wasAtEnd) element.scrollTop = element.scrollHeight;
      before = { height: element.scrollHeight, client: element.clientHeight };
    };
    const observer = new ResizeObserver(follow);
    observer.observe(list);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="messages">
      <h2 id="messages-heading" className="room__subheading">
        {t('circles.room.messagesHeading')}
      </h2>
      <section ref={box} className="messages__box" aria-labelledby="messages-heading">
        <div className="messages__content">
          {count === 0 ? (
            <p className="messages__empty">{t('circles.room.noMessages')}</p>
          ) : (
            <ol className="messages__list">
              {state.messages.map((message, index) => (
                <MessageItem
                  key={message.id}
                  message={message}
                  firstOfStage={state.messages[index - 1]?.stage !== message.stage}
                  state={state}
                  you={you}
                  keeperView={keeperView}
                  run={run}
                />
              ))}
            </ol>
          )}
        </div>
      </section>
    </div>
  );
}
