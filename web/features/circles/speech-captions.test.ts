import { describe, expect, it } from 'vitest';
import { INTERIM_GAP_MS } from './captions.ts';
import type { Timers } from './live-transport.ts';
import {
  type CaptionStatus,
  FINISH_MS,
  findRecognition,
  type RecognitionEventLike,
  type RecognitionLike,
  SpeechCaptions,
} from './speech-captions.ts';

// The speech service is the edge of the world: a stand-in recognition says what the speaker
// said, and the test reads what the browser would send to the circle.

class StandInRecognition implements RecognitionLike {
  static made: StandInRecognition[] = [];
  continuous = false;
  interimResults = false;
  lang = '';
  onresult: ((event: RecognitionEventLike) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  onend: (() => void) | null = null;
  running = false;
  results: { isFinal: boolean; 0: { transcript: string }; length: 1 }[] = [];

  constructor() {
    StandInRecognition.made.push(this);
  }
  /** Stopped gracefully: still settling what it heard, until `end`. */
  stopping = false;
  start() {
    this.running = true;
  }
  stop() {
    this.running = false;
    this.stopping = true;
  }
  abort() {
    this.running = false;
    this.stopping = false;
  }
  /** The speaker says more: unfinished words replace the last unfinished ones. */
  say(transcript: string, isFinal: boolean) {
    const last = this.results.at(-1);
    const index = last && !last.isFinal ? this.results.length - 1 : this.results.length;
    this.results[index] = { isFinal, 0: { transcript }, length: 1 };
    this.onresult?.({ resultIndex: index, results: this.results });
  }
  end() {
    this.running = false;
    this.onend?.();
  }
}

function world() {
  StandInRecognition.made = [];
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const fakeTimers: Timers = {
    setTimeout(run, ms) {
      nextId += 1;
      timers.push({ at: now + ms, run, id: nextId });
      return nextId;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((timer) => timer.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
  };
  const sent: { text: string; final: boolean }[] = [];
  const statuses: CaptionStatus[] = [];
  const captions = new SpeechCaptions({
    Recognition: StandInRecognition,
    send: (text, final) => sent.push({ text, final }),
    onStatus: (status) => statuses.push(status),
    timers: fakeTimers,
    now: () => now,
  });
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.run();
    }
    now = until;
  };
  const recognition = () => StandInRecognition.made.at(-1) as StandInRecognition;
  return { captions, sent, statuses, advance, recognition };
}

describe('captions of the speaker’s own voice', () => {
  it('finds the browser’s recognition under either name, and none where there is none', () => {
    expect(findRecognition({ webkitSpeechRecognition: StandInRecognition })).toBe(
      StandInRecognition,
    );
    expect(findRecognition({ SpeechRecognition: StandInRecognition })).toBe(StandInRecognition);
    expect(findRecognition({})).toBeNull();
  });

  it('listens continuously in the page’s language and sends unfinished words at most twice a second', () => {
    const { captions, sent, advance, recognition } = world();
    captions.start('es-US');
    expect(captions.status).toBe('listening');
    expect(recognition()).toMatchObject({
      continuous: true,
      interimResults: true,
      lang: 'es-US',
      running: true,
    });
    recognition().say('Gracias', false);
    advance(100);
    recognition().say('Gracias a', false);
    advance(100);
    recognition().say('Gracias a todos', false);
    expect(sent).toEqual([{ text: 'Gracias', final: false }]);
    advance(INTERIM_GAP_MS);
    expect(sent.at(-1)).toEqual({ text: 'Gracias a todos', final: false });
    recognition().say('Gracias a todos por venir.', true);
    expect(sent).toEqual([
      { text: 'Gracias', final: false },
      { text: 'Gracias a todos', final: false },
      { text: 'Gracias a todos por venir.', final: true },
    ]);
  });

  it('starts again when the browser stops by itself, and stops for good when the microphone closes', () => {
    const { captions, sent, advance, recognition } = world();
    captions.start('en-US');
    const first = recognition();
    advance(5_000);
    first.end();
    advance(1_000);
    const second = recognition();
    expect(second).not.toBe(first);
    expect(second.running).toBe(true);

    second.say('And one more', false);
    captions.stop();
    expect(second.running).toBe(false);
    expect(captions.status).toBe('off');
    second.say('said after the piece passed', true);
    advance(10_000);
    expect(sent).toEqual([{ text: 'And one more', final: false }]);
    expect(StandInRecognition.made).toHaveLength(2);
  });

  it('still sends the last words settled just after the microphone closed, finished ones only, for a moment', () => {
    const { captions, sent, advance, recognition } = world();
    captions.start('en-US');
    const speaking = recognition();
    speaking.say('Thank you all for', false);
    captions.finish();
    expect(captions.status).toBe('off');
    expect(speaking).toMatchObject({ running: false, stopping: true });
    speaking.say('Thank you all for coming', false);
    advance(800);
    speaking.say('Thank you all for coming tonight.', true);
    expect(sent).toEqual([
      { text: 'Thank you all for', final: false },
      { text: 'Thank you all for coming tonight.', final: true },
    ]);

    // Whatever the browser settles later than that goes nowhere, and it is made to stop.
    captions.start('en-US');
    const next = recognition();
    captions.finish();
    advance(FINISH_MS);
    expect(next.stopping).toBe(false);
    next.say('too late', true);
    expect(sent.map((caption) => caption.text)).not.toContain('too late');
    expect(StandInRecognition.made).toHaveLength(2);
  });

  it('stops quietly and says so when the browser is not allowed to listen or has no network', () => {
    for (const error of ['not-allowed', 'network']) {
      const { captions, statuses, advance, recognition } = world();
      captions.start('en-US');
      recognition().onerror?.({ error });
      recognition().end();
      advance(10_000);
      expect(captions.status).toBe('unavailable');
      expect(statuses).toEqual(['listening', 'unavailable']);
      expect(StandInRecognition.made).toHaveLength(1);
      captions.start('en-US');
      expect(captions.status).toBe('unavailable');
    }
  });

  it('gives up on a recognition that keeps ending as soon as it starts', () => {
    const { captions, advance, recognition } = world();
    captions.start('en-US');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      recognition().end();
      advance(300);
    }
    expect(captions.status).toBe('unavailable');
    expect(StandInRecognition.made).toHaveLength(3);
  });

  it('keeps the voice on the device where the browser can recognise the language there', async () => {
    const asked: { langs: string[]; processLocally: boolean }[] = [];
    const answers = { 'es-US': 'available', 'en-US': 'downloadable' } as Record<string, string>;
    class OnDevice extends StandInRecognition {
      processLocally = false;
      static available(options: { langs: string[]; processLocally: boolean }) {
        asked.push(options);
        return Promise.resolve(answers[options.langs[0] ?? ''] ?? 'unavailable');
      }
    }
    StandInRecognition.made = [];
    const captions = new SpeechCaptions({ Recognition: OnDevice, send: () => undefined });
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    captions.start('es-US');
    await settled();
    expect(asked).toEqual([{ langs: ['es-US'], processLocally: true }]);
    expect(StandInRecognition.made.at(-1)).toMatchObject({ running: true, processLocally: true });
    captions.start('en-US');
    await settled();
    expect(StandInRecognition.made.at(-1)).toMatchObject({ running: true, processLocally: false });
    // Stopped before the browser answered: nothing starts listening afterwards.
    captions.stop();
    captions.start('es-US');
    captions.stop();
    await settled();
    expect(StandInRecognition.made).toHaveLength(2);
    expect(StandInRecognition.made.every((made) => !made.running)).toBe(true);
  });

  it('says at once that a browser without recognition cannot caption, and never throws', () => {
    const sent: string[] = [];
    const captions = new SpeechCaptions({ Recognition: null, send: (text) => sent.push(text) });
    expect(captions.status).toBe('unavailable');
    captions.start('en-US');
    captions.stop();
    expect(captions.status).toBe('unavailable');

    class Refusing extends StandInRecognition {
      override start(): void {
        throw new DOMException('busy', 'InvalidStateError');
      }
    }
    const refusing = new SpeechCaptions({ Recognition: Refusing, send: () => undefined });
    refusing.start('en-US');
    expect(refusing.status).toBe('unavailable');
  });
});
