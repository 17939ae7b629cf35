import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openMicrophones } from '../../../shared/circles/media.ts';
import {
  type CaptionBoard,
  nextExpiryInMs,
  pruneCaptions,
  receiveCaption,
  recognitionLanguage,
} from './captions.ts';
import type { CircleLive, LiveView } from './live.ts';
import { type CaptionStatus, findRecognition, SpeechCaptions } from './speech-captions.ts';

export interface CircleCaptions {
  /** The others' captions to show now; held in memory for seconds, never saved. */
  board: CaptionBoard;
  /** Whether this person reads captions: on unless they turned it off on this device. */
  show: boolean;
  setShow(on: boolean): void;
  /** Whether this person's own voice is captioned for the others while their microphone is open. */
  mine: boolean;
  setMine(on: boolean): void;
  /** Whether this browser can caption their voice. */
  status: CaptionStatus;
}

const SHOW_KEY = 'restorativ.captions.show';

function readShow(): boolean {
  try {
    return localStorage.getItem(SHOW_KEY) !== 'off';
  } catch {
    // Storage can be blocked; then captions show, as they do for everyone at first.
    return true;
  }
}

function rememberShow(on: boolean): void {
  try {
    localStorage.setItem(SHOW_KEY, on ? 'on' : 'off');
  } catch {
    // Blocked storage: the choice lasts as long as the page.
  }
}

/**
 * The room's captions: this person's words recognised and sent while their microphone is open
 * (and they have not turned that off), and the others' words shown as they arrive, each line
 * dropping away a few seconds after it was said.
 */
export function useCaptions(
  live: CircleLive,
  view: LiveView,
  local: MediaStream | null,
): CircleCaptions {
  const { i18n } = useTranslation();
  const [status, setStatus] = useState<CaptionStatus>('off');
  const [speech] = useState(
    () =>
      new SpeechCaptions({
        Recognition: findRecognition(),
        send: (text, final) => live.sendCaption(text, final),
        onStatus: setStatus,
      }),
  );
  const [mine, setMine] = useState(true);
  const [show, setShowState] = useState(readShow);
  const [board, setBoard] = useState<CaptionBoard>([]);
  const { state, you } = view;
  const speaking = you !== null && local !== null && openMicrophones(state).includes(you);
  const lang = recognitionLanguage(i18n.resolvedLanguage ?? i18n.language);

  useEffect(() => {
    if (!mine) speech.stop();
    else if (speaking) speech.start(lang);
    // The piece moved on: the words said before it did still reach the others.
    else speech.finish();
  }, [speech, speaking, mine, lang]);
  useEffect(() => () => speech.stop(), [speech]);

  useEffect(
    () =>
      live.onCaption((caption) => {
        const now = Date.now();
        setBoard((shown) => receiveCaption(pruneCaptions(shown, now), caption, now));
      }),
    [live],
  );
  useEffect(() => {
    const wait = nextExpiryInMs(board, Date.now());
    if (wait === null) return;
    const timer = setTimeout(() => setBoard((shown) => pruneCaptions(shown, Date.now())), wait);
    return () => clearTimeout(timer);
  }, [board]);

  const setShow = useCallback((on: boolean) => {
    rememberShow(on);
    setShowState(on);
  }, []);
  return {
    board,
    show,
    setShow,
    mine,
    setMine,
    status: speech.status === 'unavailable' ? 'unavailable' : status,
  };
}
