import { CAPTION_MAX } from '../../../shared/circles/protocol.ts';

// Captions of the speaker's voice, as pure rules: what the speaker's browser sends and when, and
// what a listener sees and for how long. Captions live on screen only; nothing here keeps them.

/** Interim words go out at most this often: twice a second reads as live, and is few frames. */
export const INTERIM_GAP_MS = 500;
/** A finished line stays this long after the speaker's last words, long enough to read twice. */
export const FINAL_LINGER_MS = 6_000;
/** Unfinished words not updated for this long were left behind (the speaker stopped). */
export const INTERIM_STALE_MS = 4_000;

/** Whitespace as one space, and none at the ends. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A finished line in pieces of at most CAPTION_MAX characters, cut between words where it can.
 * Empty when nothing was said.
 */
export function captionPieces(text: string): string[] {
  const pieces: string[] = [];
  let rest = tidy(text);
  while (rest.length > CAPTION_MAX) {
    const space = rest.lastIndexOf(' ', CAPTION_MAX);
    const cut = space > 0 ? space : CAPTION_MAX;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The end of an unfinished line, at most CAPTION_MAX characters: the newest words matter. */
export function interimTail(text: string): string {
  const tidied = tidy(text);
  if (tidied.length <= CAPTION_MAX) return tidied;
  const tail = tidied.slice(-CAPTION_MAX);
  const space = tail.indexOf(' ');
  return space > 0 ? tail.slice(space + 1) : tail;
}

/** What the speaker's browser has sent of its interim words, and what waits for the gap. */
export interface CaptionOutbox {
  /** When interim words last went out. */
  sentAt: number | null;
  lastSent: string | null;
  waiting: string | null;
}

export const emptyOutbox: CaptionOutbox = { sentAt: null, lastSent: null, waiting: null };

export interface OutboxStep {
  outbox: CaptionOutbox;
  /** The frames to send now, in order. */
  send: { text: string; final: boolean }[];
  /** Call `flushInterim` again after this many ms; null when nothing waits. */
  retryInMs: number | null;
}

function release(outbox: CaptionOutbox, now: number): OutboxStep {
  const { waiting } = outbox;
  if (waiting === null) return { outbox, send: [], retryInMs: null };
  if (outbox.sentAt !== null && now - outbox.sentAt < INTERIM_GAP_MS) {
    return { outbox, send: [], retryInMs: INTERIM_GAP_MS - (now - outbox.sentAt) };
  }
  return {
    outbox: { sentAt: now, lastSent: waiting, waiting: null },
    send: [{ text: waiting, final: false }],
    retryInMs: null,
  };
}

/** The browser heard more unfinished words: they go now, or when the gap has passed. */
export function offerInterim(outbox: CaptionOutbox, text: string, now: number): OutboxStep {
  const tail = interimTail(text);
  if (!tail || tail === outbox.lastSent) {
    return { outbox: { ...outbox, waiting: null }, send: [], retryInMs: null };
  }
  return release({ ...outbox, waiting: tail }, now);
}

/** The gap asked for has passed: whatever waits goes out. */
export function flushInterim(outbox: CaptionOutbox, now: number): OutboxStep {
  return release(outbox, now);
}

/**
 * The browser settled a line: it always goes, at once, and replaces the unfinished words. The
 * interim clock is kept, so interim frames stay at most two a second whatever the finals do.
 */
export function offerFinal(outbox: CaptionOutbox, text: string): OutboxStep {
  return {
    outbox: { sentAt: outbox.sentAt, lastSent: null, waiting: null },
    send: captionPieces(text).map((piece) => ({ text: piece, final: true })),
    retryInMs: null,
  };
}

/** A caption as a listener's browser receives it. */
export interface Caption {
  from: string;
  text: string;
  final: boolean;
}

interface Words {
  text: string;
  at: number;
}

/** One speaker's captions: the last finished line, and the words still being said after it. */
export interface CaptionLine {
  from: string;
  final: Words | null;
  interim: Words | null;
}

/** Every speaker's line, the earliest speaker first. */
export type CaptionBoard = readonly CaptionLine[];

/** Takes a caption in: unfinished words replace the last unfinished ones; a finished line both. */
export function receiveCaption(board: CaptionBoard, caption: Caption, now: number): CaptionBoard {
  const words = { text: caption.text, at: now };
  const before = board.find((line) => line.from === caption.from);
  const line: CaptionLine = caption.final
    ? { from: caption.from, final: words, interim: null }
    : { from: caption.from, final: before?.final ?? null, interim: words };
  return before ? board.map((each) => (each === before ? line : each)) : [...board, line];
}

const fresh = (words: Words | null, lifetime: number, now: number) =>
  words !== null && now - words.at < lifetime ? words : null;

/** The board as it should look at `now`: finished lines and left-behind words drop away. */
export function pruneCaptions(board: CaptionBoard, now: number): CaptionBoard {
  const kept: CaptionLine[] = [];
  for (const line of board) {
    const final = fresh(line.final, FINAL_LINGER_MS, now);
    const interim = fresh(line.interim, INTERIM_STALE_MS, now);
    if (final || interim) kept.push({ from: line.from, final, interim });
  }
  return kept.length === board.length &&
    kept.every(
      (line, index) => line.final === board[index]?.final && line.interim === board[index]?.interim,
    )
    ? board
    : kept;
}

/** How long until something on the board drops away; null for an empty board. */
export function nextExpiryInMs(board: CaptionBoard, now: number): number | null {
  let soonest: number | null = null;
  for (const line of board) {
    for (const [words, lifetime] of [
      [line.final, FINAL_LINGER_MS],
      [line.interim, INTERIM_STALE_MS],
    ] as const) {
      if (!words) continue;
      const left = Math.max(0, words.at + lifetime - now);
      soonest = soonest === null ? left : Math.min(soonest, left);
    }
  }
  return soonest;
}

/** The language the speaker's browser listens for, from the page's: 'es' → 'es-US'. */
export function recognitionLanguage(pageLanguage: string): string {
  return pageLanguage.toLowerCase().startsWith('es') ? 'es-US' : 'en-US';
}
