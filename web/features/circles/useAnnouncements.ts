import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CircleState, isKeeper, participantOf } from '../../../shared/circles/machine.ts';
import { openMicrophones } from '../../../shared/circles/media.ts';
import type { CircleLive, FoldedEvent } from './live.ts';

/** News is gathered for this long, so that a burst of messages is one announcement. */
export const ANNOUNCE_BATCH_MS = 1_500;
const SPOKEN_TEXT_MAX = 200;

const shorten = (text: string) =>
  text.length > SPOKEN_TEXT_MAX ? `${text.slice(0, SPOKEN_TEXT_MAX - 1)}…` : text;

/**
 * What a screen reader hears of the room, through one polite live region: the piece reaching
 * you, the keeper's stage and question, and new messages. Events replayed after a reconnection
 * are not news; a burst is told as "3 new messages" with the latest, never one by one.
 */
export function useAnnouncements(live: CircleLive, you: string | null): string {
  const { t } = useTranslation();
  const [spoken, setSpoken] = useState('');
  const pending = useRef<{ lead: string[]; messages: string[] }>({ lead: [], messages: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const micOpen = useRef(false);

  useEffect(() => {
    const name = (state: CircleState, id: string) =>
      participantOf(state, id)?.name ?? t('circles.room.someone');
    const flush = () => {
      timer.current = null;
      const { lead, messages } = pending.current;
      pending.current = { lead: [], messages: [] };
      const latest = messages.at(-1);
      const news =
        messages.length > 1 && latest
          ? t('circles.announce.burst', { count: messages.length, latest })
          : (latest ?? '');
      const text = [...lead, news].filter(Boolean).join(' ');
      // The same words twice are still news: a changed string makes the region speak again.
      if (text) setSpoken((previous) => (previous === text ? `${text}\u00a0` : text));
    };
    const isOpen = (state: CircleState) => you !== null && openMicrophones(state).includes(you);
    micOpen.current = isOpen(live.getSnapshot().state);
    const listen = ({ event, live: fresh }: FoldedEvent) => {
      const state = live.getSnapshot().state;
      const open = isOpen(state);
      const micChanged = open !== micOpen.current;
      micOpen.current = open;
      if (!fresh) return;
      const keeper = you !== null && isKeeper(state, you);
      const { lead, messages } = pending.current;
      if (micChanged) {
        lead.push(open ? t('circles.media.announceOpen') : t('circles.media.announceClosed'));
      }
      switch (event.type) {
        case 'posted':
          if (event.by !== you) {
            messages.push(
              t('circles.announce.message', {
                name: name(state, event.by),
                text: shorten(event.text),
              }),
            );
          }
          break;
        case 'piece_moved':
          if (event.to !== null && event.to === you) lead.push(t('circles.announce.yourTurn'));
          break;
        case 'stage_moved':
          lead.push(t('circles.announce.stage', { stage: t(`circles.stages.${event.to}`) }));
          break;
        case 'question_posed':
          lead.push(t('circles.announce.question', { question: shorten(event.text) }));
          break;
        case 'paused':
          lead.push(t('circles.announce.paused'));
          break;
        case 'resumed':
          lead.push(t('circles.announce.resumed'));
          break;
        case 'closed':
          lead.push(t('circles.announce.closed'));
          break;
        case 'private_word_asked':
          if (keeper) lead.push(t('circles.announce.privateWord', { name: name(state, event.by) }));
          break;
        case 'reported':
          if (keeper) lead.push(t('circles.announce.reported'));
          break;
        case 'guiding_started':
          if (event.by !== you) {
            lead.push(t('circles.media.announceGuiding', { name: name(state, event.by) }));
          }
          break;
        case 'guiding_ended':
          if (event.by !== you) {
            lead.push(t('circles.media.announceGuidingEnded', { name: name(state, event.by) }));
          }
          break;
        case 'hidden': {
          // Hidden words leave the page, the live region included, and are not announced late.
          const words = state.messages.find((message) => message.id === event.messageId)?.text;
          if (!words) return;
          const said = shorten(words);
          pending.current.messages = messages.filter((message) => !message.includes(said));
          setSpoken((previous) => (previous.includes(said) ? '' : previous));
          return;
        }
        default:
          if (!micChanged) return;
      }
      if (timer.current === null) timer.current = setTimeout(flush, ANNOUNCE_BATCH_MS);
    };
    const unsubscribe = live.onEvent(listen);
    return () => {
      unsubscribe();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [live, you, t]);
  return spoken;
}
