import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTION_MAX } from '../../../shared/circles/protocol.ts';
import {
  type CaptionBoard,
  type CaptionOutbox,
  captionPieces,
  emptyOutbox,
  FINAL_LINGER_MS,
  flushInterim,
  INTERIM_GAP_MS,
  INTERIM_STALE_MS,
  interimTail,
  nextExpiryInMs,
  type OutboxStep,
  offerFinal,
  offerInterim,
  pruneCaptions,
  receiveCaption,
  recognitionLanguage,
} from './captions.ts';

const word = fc.stringMatching(/^[a-záéíóúñ]{1,12}$/);
const speech = fc.array(word, { minLength: 1, maxLength: 120 }).map((words) => words.join(' '));

describe('what the speaker’s browser sends', () => {
  it('sends a finished line whole, in pieces of at most 300 characters cut between words', () => {
    fc.assert(
      fc.property(speech, (text) => {
        const pieces = captionPieces(`  ${text}\n `);
        expect(pieces.join(' ')).toBe(text);
        for (const piece of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(CAPTION_MAX);
        }
      }),
    );
    expect(captionPieces('  \n ')).toEqual([]);
    expect(captionPieces('y'.repeat(650)).map((piece) => piece.length)).toEqual([300, 300, 50]);
  });

  it('keeps the newest words of an unfinished line that grew too long', () => {
    const long = `${'old words '.repeat(40)}and the newest`;
    const tail = interimTail(long);
    expect(tail.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(tail.endsWith('and the newest')).toBe(true);
    expect(tail.startsWith('words') || tail.startsWith('old')).toBe(true);
  });

  type Heard =
    | { kind: 'interim'; text: string; after: number }
    | { kind: 'final'; text: string; after: number };

  const heard: fc.Arbitrary<Heard> = fc.record({
    kind: fc.constantFrom('interim' as const, 'final' as const),
    text: speech,
    after: fc.integer({ min: 0, max: 900 }),
  });

  /** Plays what the browser heard through the outbox, firing each retry when it falls due. */
  function play(events: Heard[]) {
    let outbox: CaptionOutbox = emptyOutbox;
    let now = 0;
    let retryAt: number | null = null;
    const sent: { text: string; final: boolean; at: number }[] = [];
    const take = (step: OutboxStep) => {
      outbox = step.outbox;
      for (const each of step.send) sent.push({ ...each, at: now });
      retryAt = step.retryInMs === null ? null : now + step.retryInMs;
    };
    for (const event of events) {
      const next = now + event.after;
      if (retryAt !== null && retryAt <= next) {
        now = retryAt;
        take(flushInterim(outbox, now));
      }
      now = next;
      take(
        event.kind === 'final'
          ? offerFinal(outbox, event.text)
          : offerInterim(outbox, event.text, now),
      );
    }
    if (retryAt !== null) {
      now = retryAt;
      take(flushInterim(outbox, now));
    }
    return sent;
  }

  it('sends unfinished words at most twice a second, every finished line, and the last words said', () => {
    fc.assert(
      fc.property(fc.array(heard, { maxLength: 40 }), (events) => {
        const sent = play(events);
        const interims = sent.filter((each) => !each.final);
        for (const [index, each] of interims.entries()) {
          const before = interims[index - 1];
          if (before) expect(each.at - before.at).toBeGreaterThanOrEqual(INTERIM_GAP_MS);
        }
        const finals = events.filter((event) => event.kind === 'final');
        expect(
          sent
            .filter((each) => each.final)
            .map((each) => each.text)
            .join(' '),
        ).toBe(finals.map((event) => event.text).join(' '));
        // Unfinished words that were the last thing heard are not lost in the throttle.
        const last = events.at(-1);
        if (last?.kind === 'interim') {
          expect(sent.at(-1)).toMatchObject({ text: interimTail(last.text), final: false });
        }
      }),
    );
  });

  it('listens in the page’s language', () => {
    expect(recognitionLanguage('es')).toBe('es-US');
    expect(recognitionLanguage('en')).toBe('en-US');
  });
});

describe('what a listener sees', () => {
  it('replaces unfinished words, keeps the finished line above the next words, and lets lines go', () => {
    let board: CaptionBoard = [];
    board = receiveCaption(board, { from: 'maya', text: 'Thank', final: false }, 0);
    board = receiveCaption(board, { from: 'maya', text: 'Thank you all', final: false }, 400);
    expect(board).toEqual([
      { from: 'maya', final: null, interim: { text: 'Thank you all', at: 400 } },
    ]);
    board = receiveCaption(
      board,
      { from: 'maya', text: 'Thank you all for coming.', final: true },
      900,
    );
    board = receiveCaption(board, { from: 'maya', text: 'I would', final: false }, 1_500);
    board = receiveCaption(board, { from: 'dana', text: 'Welcome', final: true }, 1_600);
    expect(board).toEqual([
      {
        from: 'maya',
        final: { text: 'Thank you all for coming.', at: 900 },
        interim: { text: 'I would', at: 1_500 },
      },
      { from: 'dana', final: { text: 'Welcome', at: 1_600 }, interim: null },
    ]);
    // Words left behind go first; a finished line stays a few seconds.
    expect(nextExpiryInMs(board, 2_000)).toBe(1_500 + INTERIM_STALE_MS - 2_000);
    board = pruneCaptions(board, 1_500 + INTERIM_STALE_MS);
    expect(board[0]).toEqual({
      from: 'maya',
      final: { text: 'Thank you all for coming.', at: 900 },
      interim: null,
    });
    expect(pruneCaptions(board, 1_500 + INTERIM_STALE_MS)).toBe(board);
    board = pruneCaptions(board, 900 + FINAL_LINGER_MS);
    expect(board.map((line) => line.from)).toEqual(['dana']);
    board = pruneCaptions(board, 1_600 + FINAL_LINGER_MS);
    expect(board).toEqual([]);
    expect(nextExpiryInMs(board, 0)).toBeNull();
  });

  it('shows each speaker’s newest words and nothing older than its lifetime', () => {
    const caption = fc.record({
      from: fc.constantFrom('maya', 'dana'),
      text: word,
      final: fc.boolean(),
      after: fc.integer({ min: 0, max: 8_000 }),
    });
    fc.assert(
      fc.property(fc.array(caption, { maxLength: 30 }), (captions) => {
        let board: CaptionBoard = [];
        let now = 0;
        for (const { after, ...each } of captions) {
          now += after;
          board = receiveCaption(pruneCaptions(board, now), each, now);
          const line = board.find((shown) => shown.from === each.from);
          expect(each.final ? line?.final?.text : line?.interim?.text).toBe(each.text);
          if (each.final) expect(line?.interim).toBeNull();
        }
        expect(new Set(board.map((line) => line.from)).size).toBe(board.length);
        const later = pruneCaptions(board, now + (nextExpiryInMs(board, now) ?? 0));
        if (board.length > 0) expect(later).not.toEqual(board);
        expect(pruneCaptions(board, now + FINAL_LINGER_MS)).toEqual([]);
      }),
    );
  });
});
