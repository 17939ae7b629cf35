import {
  type CaptionOutbox,
  captionPieces,
  emptyOutbox,
  flushInterim,
  type OutboxStep,
  offerFinal,
  offerInterim,
} from './captions.ts';
import type { Timers } from './live-transport.ts';

// The browser's speech recognition, wrapped: it listens to the speaker while their microphone is
// open and hands their words to `send`, unfinished words at most twice a second and finished
// lines always. Where the browser has none, or it fails (no permission, no network), it stops
// and says so; it never throws into the page. Tests give it a stand-in recognition.

/** The parts of SpeechRecognition's result event that are read. */
export interface RecognitionEventLike {
  resultIndex: number;
  results: ArrayLike<{ isFinal: boolean } & ArrayLike<{ transcript: string }>>;
}

/** The parts of the browser's SpeechRecognition that are used. */
export interface RecognitionLike {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((event: RecognitionEventLike) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  /** Newer browsers only: recognise on the device, so the voice does not leave it. */
  processLocally?: boolean;
  start(): void;
  /** Stops listening, and settles what was heard so far as a final result. */
  stop(): void;
  abort(): void;
}

export interface RecognitionConstructor {
  new (): RecognitionLike;
  /** Newer browsers only: whether a language can be recognised (on the device, if asked). */
  available?(options: { langs: string[]; processLocally: boolean }): Promise<string>;
}

/** The browser's recognition, under either of its names; null where there is none. */
export function findRecognition(scope: object = globalThis): RecognitionConstructor | null {
  const named = scope as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return named.SpeechRecognition ?? named.webkitSpeechRecognition ?? null;
}

/** The finished lines new in this event, and the unfinished words after them. */
export function readResults(event: RecognitionEventLike): { finals: string[]; interim: string } {
  const finals: string[] = [];
  const interim: string[] = [];
  for (let index = event.resultIndex; index < event.results.length; index += 1) {
    const result = event.results[index];
    const transcript = result?.[0]?.transcript ?? '';
    if (result?.isFinal) finals.push(transcript);
    else interim.push(transcript);
  }
  return { finals, interim: interim.join(' ') };
}

/**
 * listening: words go out; off: not asked to listen; unavailable: this browser cannot, or its
 * recognition failed for good while this page is open.
 */
export type CaptionStatus = 'off' | 'listening' | 'unavailable';

/** Errors after which listening again would fail again. */
const lastingErrors = new Set([
  'not-allowed',
  'service-not-allowed',
  'network',
  'audio-capture',
  'language-not-supported',
]);
/** A recognition that ends this soon after starting, this many times running, is not working. */
const QUICK_END_MS = 1_000;
const QUICK_ENDS_ALLOWED = 3;
/** Recognition stops by itself after silence or a minute of speech; it starts again after this. */
const RESTART_MS = 250;
/**
 * After the microphone closes, the browser still settles the last words it heard: they go for
 * this long (the server takes a finished line shortly after the microphone closed), then no more.
 */
export const FINISH_MS = 2_500;

export interface SpeechCaptionsOptions {
  Recognition: RecognitionConstructor | null;
  send(text: string, final: boolean): void;
  onStatus?(status: CaptionStatus): void;
  timers?: Timers;
  now?: () => number;
}

export class SpeechCaptions {
  readonly #Recognition: RecognitionConstructor | null;
  readonly #send: (text: string, final: boolean) => void;
  readonly #onStatus: (status: CaptionStatus) => void;
  readonly #timers: Timers;
  readonly #now: () => number;
  #status: CaptionStatus;
  #recognition: RecognitionLike | null = null;
  #lang = '';
  /** Whether this browser recognises the language on the device: then it is asked to. */
  #local = false;
  /** Counts starts and stops, so that an answer about the device that comes late is ignored. */
  #generation = 0;
  #startedAt = 0;
  #quickEnds = 0;
  #outbox: CaptionOutbox = emptyOutbox;
  #flushTimer: unknown = null;
  #restartTimer: unknown = null;
  /** Recognitions settling their last words after the microphone closed (see `finish`). */
  readonly #settling = new Set<() => void>();

  constructor(options: SpeechCaptionsOptions) {
    this.#Recognition = options.Recognition;
    this.#send = options.send;
    this.#onStatus = options.onStatus ?? (() => undefined);
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    };
    this.#now = options.now ?? Date.now;
    this.#status = options.Recognition ? 'off' : 'unavailable';
  }

  get status(): CaptionStatus {
    return this.#status;
  }

  /** Listens in this language (a BCP 47 tag) until `stop`; again if it was listening already. */
  start(lang: string): void {
    if (this.#status === 'unavailable') return;
    if (this.#status === 'listening' && lang === this.#lang) return;
    this.stop();
    this.#lang = lang;
    this.#quickEnds = 0;
    this.#local = false;
    this.#setStatus('listening');
    const available = this.#Recognition?.available;
    if (typeof available !== 'function') {
      this.#listen();
      return;
    }
    // Circles are confidential: where the browser can keep the voice on the device, it does.
    const generation = this.#generation;
    available
      .call(this.#Recognition, { langs: [lang], processLocally: true })
      .then(
        (answer) => answer === 'available',
        () => false,
      )
      .then((local) => {
        if (generation !== this.#generation) return;
        this.#local = local;
        this.#listen();
      });
  }

  /**
   * The microphone closed: nothing more is heard, but the words said before it closed, once the
   * browser settles them, still go as finished lines for FINISH_MS. Unfinished ones are dropped.
   */
  finish(): void {
    const recognition = this.#recognition;
    if (this.#status !== 'listening' || !recognition) {
      this.stop();
      return;
    }
    this.#generation += 1;
    this.#clearTimers();
    this.#outbox = emptyOutbox;
    this.#recognition = null;
    this.#setStatus('off');
    const settle = () => {
      recognition.onresult = null;
      recognition.onerror = null;
      recognition.onend = null;
      this.#timers.clearTimeout(limit);
      this.#settling.delete(settle);
    };
    const limit = this.#timers.setTimeout(() => {
      settle();
      try {
        recognition.abort();
      } catch {
        // Already stopped: nothing to undo.
      }
    }, FINISH_MS);
    this.#settling.add(settle);
    recognition.onresult = (event) => {
      for (const final of readResults(event).finals) {
        for (const piece of captionPieces(final)) this.#send(piece, true);
      }
    };
    recognition.onerror = settle;
    recognition.onend = settle;
    try {
      recognition.stop();
    } catch {
      settle();
    }
  }

  /** Stops at once (captioning turned off, the page left); words not yet sent are dropped. */
  stop(): void {
    for (const settle of [...this.#settling]) settle();
    this.#generation += 1;
    this.#clearTimers();
    this.#outbox = emptyOutbox;
    this.#dropRecognition();
    if (this.#status === 'listening') this.#setStatus('off');
  }

  #listen(): void {
    const Recognition = this.#Recognition;
    if (!Recognition || this.#status !== 'listening') return;
    try {
      const recognition = new Recognition();
      recognition.continuous = true;
      recognition.interimResults = true;
      recognition.lang = this.#lang;
      if (this.#local) recognition.processLocally = true;
      recognition.onresult = (event) => {
        if (this.#recognition !== recognition) return;
        this.#quickEnds = 0;
        this.#heard(event);
      };
      recognition.onerror = (event) => {
        if (this.#recognition === recognition && lastingErrors.has(event.error)) this.#fail();
      };
      recognition.onend = () => {
        if (this.#recognition === recognition) this.#ended();
      };
      this.#recognition = recognition;
      this.#startedAt = this.#now();
      recognition.start();
    } catch {
      // A browser that has the API and still refuses to start (a policy, a busy device).
      this.#fail();
    }
  }

  #heard(event: RecognitionEventLike): void {
    const { finals, interim } = readResults(event);
    const now = this.#now();
    for (const final of finals) this.#take(offerFinal(this.#outbox, final));
    this.#take(offerInterim(this.#outbox, interim, now));
  }

  #take(step: OutboxStep): void {
    this.#outbox = step.outbox;
    for (const caption of step.send) this.#send(caption.text, caption.final);
    this.#timers.clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    if (step.retryInMs === null) return;
    this.#flushTimer = this.#timers.setTimeout(() => {
      this.#flushTimer = null;
      this.#take(flushInterim(this.#outbox, this.#now()));
    }, step.retryInMs);
  }

  /** Recognition stops by itself now and then; while the microphone is open, it starts again. */
  #ended(): void {
    this.#recognition = null;
    if (this.#status !== 'listening') return;
    this.#quickEnds = this.#now() - this.#startedAt < QUICK_END_MS ? this.#quickEnds + 1 : 0;
    if (this.#quickEnds >= QUICK_ENDS_ALLOWED) {
      this.#fail();
      return;
    }
    this.#restartTimer = this.#timers.setTimeout(() => {
      this.#restartTimer = null;
      this.#listen();
    }, RESTART_MS);
  }

  #fail(): void {
    this.#clearTimers();
    this.#outbox = emptyOutbox;
    this.#dropRecognition();
    this.#setStatus('unavailable');
  }

  #dropRecognition(): void {
    const recognition = this.#recognition;
    this.#recognition = null;
    if (!recognition) return;
    recognition.onresult = null;
    recognition.onerror = null;
    recognition.onend = null;
    try {
      recognition.abort();
    } catch {
      // Already stopped: nothing to undo.
    }
  }

  #clearTimers(): void {
    for (const timer of [this.#flushTimer, this.#restartTimer]) {
      if (timer !== null) this.#timers.clearTimeout(timer);
    }
    this.#flushTimer = null;
    this.#restartTimer = null;
  }

  #setStatus(status: CaptionStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#onStatus(status);
  }
}
