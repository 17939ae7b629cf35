// The traffic of the circles benchmark, as participants' apps make it: every participant of
// every circle connects, says hello and joins; each circle's keeper opens it; then in each circle
// the holder of the piece posts one message and passes, on a schedule of RATE messages a second
// per circle. Every participant folds nothing but watches: when the piece comes to it, it takes
// its turn at the circle's next due time; when a message arrives, its delivery latency is the
// time since its sender sent it. The same driver runs against the real server and against the
// bare broadcast baseline, which speaks the same frames.
import WebSocket from 'ws';

export interface LoadCircle {
  circleId: string;
  /** One session cookie per participant, the keeper first; empty for the baseline. */
  cookies: string[];
}

export interface LoadResult {
  /** Delivery latencies in ms, one per message per participant other than its sender. */
  latencies: number[];
  /** Messages delivered within the measured window (counted once per message). */
  messages: number;
  seconds: number;
  refused: number;
  problems: string[];
}

interface Options {
  url: string;
  circles: LoadCircle[];
  seconds: number;
  warmupSeconds: number;
  perCircleRate: number;
}

type Frame = {
  kind: string;
  you?: string;
  requestId?: string;
  problem?: string;
  event?: { type: string; to?: string | null; by?: string; messageId?: string };
};

const TEXT = 'I was stopped on my way home and nobody told me why. I want to understand.';

interface CircleRun {
  index: number;
  seats: Seat[];
  due: number;
  turn: number;
}

class Seat {
  readonly socket: WebSocket;
  readonly circle: CircleRun;
  readonly opened: Promise<void>;
  you = '';
  private readonly waiting = new Map<string, () => void>();
  private onWelcome: (() => void) | null = null;
  private readonly load: Load;

  constructor(load: Load, circle: CircleRun, cookie: string) {
    this.load = load;
    this.circle = circle;
    this.socket = new WebSocket(load.options.url, {
      headers: cookie ? { cookie } : {},
      perMessageDeflate: false,
    });
    this.socket.on('message', (data) => this.receive(JSON.parse(String(data)) as Frame));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('error', (error) => load.problems.push(`socket: ${error.message}`));
  }

  hello(circleId: string): Promise<void> {
    return new Promise((resolve) => {
      this.onWelcome = resolve;
      this.send({ kind: 'hello', circleId, lastSeq: null });
    });
  }

  /** Sends a command and resolves once it is answered. */
  command(command: object): Promise<void> {
    const requestId = `r${this.load.nextRequest++}`;
    return new Promise((resolve) => {
      this.waiting.set(requestId, resolve);
      this.send({ kind: 'command', requestId, command });
    });
  }

  send(frame: object): void {
    this.socket.send(JSON.stringify(frame));
  }

  private receive(frame: Frame): void {
    if (frame.kind === 'welcome') {
      this.you = frame.you ?? '';
      this.onWelcome?.();
    } else if (frame.kind === 'ping') {
      this.send({ kind: 'pong' });
    } else if (frame.kind === 'accepted' || frame.kind === 'refused') {
      if (frame.kind === 'refused') this.load.refused += 1;
      const answered = this.waiting.get(frame.requestId ?? '');
      this.waiting.delete(frame.requestId ?? '');
      answered?.();
    } else if (frame.kind === 'problem') {
      this.load.problems.push(`problem: ${frame.problem}`);
    } else if (frame.kind === 'event' && frame.event) {
      this.load.heard(this, frame.event);
    }
  }
}

class Load {
  readonly options: Options;
  readonly latencies: number[] = [];
  readonly problems: string[] = [];
  refused = 0;
  messages = 0;
  nextRequest = 0;
  running = false;
  measureFrom = 0;
  measureUntil = 0;
  private readonly sentAt = new Map<string, number>();

  constructor(options: Options) {
    this.options = options;
  }

  heard(seat: Seat, event: NonNullable<Frame['event']>): void {
    const now = performance.now();
    if (event.type === 'posted') {
      const sent = this.sentAt.get(event.messageId ?? '');
      if (sent === undefined || sent < this.measureFrom || sent > this.measureUntil) return;
      if (event.by === seat.you) this.messages += 1;
      else this.latencies.push(now - sent);
    } else if (event.type === 'piece_moved' && event.to === seat.you && this.running) {
      const { circle } = seat;
      setTimeout(() => this.takeTurn(seat), Math.max(0, circle.due - now));
    }
  }

  private takeTurn(seat: Seat): void {
    if (!this.running) return;
    const { circle } = seat;
    const messageId = `${circle.index}-${circle.turn}`;
    circle.turn += 1;
    circle.due += 1000 / this.options.perCircleRate;
    this.sentAt.set(messageId, performance.now());
    seat.send({
      kind: 'command',
      requestId: `p${messageId}`,
      command: { type: 'post', messageId, text: TEXT },
    });
    seat.send({ kind: 'command', requestId: `n${messageId}`, command: { type: 'pass' } });
  }
}

/** Runs `tasks` with at most `limit` in flight: a thousand connects at once look like a flood. */
async function inBatches<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += limit) {
    await Promise.all(items.slice(start, start + limit).map(task));
  }
}

/** Rejects with `message` if `promise` has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function driveCircles(options: Options): Promise<LoadResult> {
  const load = new Load(options);
  const runs = options.circles.map((circle, index) => {
    const run: CircleRun = { index, seats: [], due: 0, turn: 0 };
    return { circle, run };
  });
  const seats: Seat[] = [];
  try {
    const seated = inBatches(runs, 10, async ({ circle, run }) => {
      run.seats = circle.cookies.map((cookie) => new Seat(load, run, cookie));
      seats.push(...run.seats);
      await Promise.all(run.seats.map((seat) => seat.opened));
      for (const seat of run.seats) await seat.hello(circle.circleId);
      for (const seat of run.seats) await seat.command({ type: 'join', name: 'x', role: 'other' });
    });
    await within(seated, 300_000, `participants not all seated: ${load.problems.slice(0, 3)}`);
    const start = performance.now();
    load.running = true;
    load.measureFrom = start + options.warmupSeconds * 1000;
    load.measureUntil = load.measureFrom + options.seconds * 1000;
    // Circles start spread over one interval, as circles do not all speak at the same instant.
    const interval = 1000 / options.perCircleRate;
    for (const { run } of runs) run.due = start + (run.index / runs.length) * interval;
    const opening = Promise.all(runs.map(({ run }) => run.seats[0]?.command({ type: 'open' })));
    await within(opening, 60_000, 'the circles did not all open');
    const ends = load.measureUntil - performance.now();
    await new Promise((resolve) => setTimeout(resolve, ends));
    load.running = false;
    // Messages sent at the very end of the window are still on their way.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    for (const seat of seats) seat.socket.terminate();
  }
  return {
    latencies: load.latencies,
    messages: load.messages,
    seconds: options.seconds,
    refused: load.refused,
    problems: load.problems,
  };
}
