// api-read: throughput and latency of the server's database-backed JSON read `GET /api/about`
// under autocannon, against a bare Fastify hello-world JSON route in its own process, measured
// the same way in the same run. Both processes run side by side and are measured in alternating
// rounds (baseline, server, baseline, server) so that drift in machine load hits both alike.
import autocannon from 'autocannon';
import {
  type Benchmark,
  database,
  envNumber,
  type Figures,
  HELLO_ENTRY,
  httpGet,
  log,
  makeTempDir,
  type Running,
  removeTempDir,
  round,
  SERVER_ENTRY,
  serverEnv,
  startProcess,
  stopProcess,
} from './lib.ts';

const CONNECTIONS = 10;
const ROUNDS = 2;
const DURATION_S = envNumber('BENCH_DURATION_S', 10); // per side, split over the rounds
const WARMUP_S = envNumber('BENCH_WARMUP_S', 2);

export interface Target {
  label: string;
  url: URL;
  bytes: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Per-request latencies in ms. autocannon's own histogram rounds to whole milliseconds,
   * which hides everything on a fast local route, so they are collected from its events. */
  latencies: number[];
}

/** One autocannon run; adds its counts to `target` unless it is a warm-up. */
export function load(target: Target, seconds: number, warmUp = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url: target.url.href, connections: CONNECTIONS, duration: seconds },
      (err: unknown, r) => {
        if (err) return reject(err);
        if (!warmUp) {
          target.seconds += r.duration;
          target.requests += r.requests.total;
          target.errors += r.errors;
          target.non2xx += r.non2xx;
          for (const ms of latencies) target.latencies.push(ms);
        }
        resolve();
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
}

/** Checks that the route answers 200 with JSON before loading it. */
async function target(running: Running, route: string, label: string): Promise<Target> {
  const url = new URL(route, running.url);
  const answer = await httpGet(url);
  if (answer.status !== 200 || !answer.contentType.includes('application/json')) {
    throw new Error(
      `${label}: GET ${route} answered ${answer.status} (${answer.contentType || 'no content-type'}): ${answer.body.slice(0, 500)}`,
    );
  }
  const bytes = Buffer.byteLength(answer.body);
  log(`${label}: GET ${route} → 200, ${bytes} bytes: ${answer.body.slice(0, 120)}`);
  return { label, url, bytes, seconds: 0, requests: 0, errors: 0, non2xx: 0, latencies: [] };
}

export function summarise(t: Target) {
  const sorted = Float64Array.from(t.latencies).sort();
  const at = (p: number) =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { rps: t.requests / t.seconds, p50: at(50), p99: at(99) };
}

async function run(): Promise<Figures> {
  const dataDir = makeTempDir();
  const started: Running[] = [];
  let base: Target;
  let server: Target;
  try {
    log('starting the Fastify hello-world fixture');
    started.push(await startProcess(HELLO_ENTRY, serverEnv()));
    log(`starting the server with ${database} (DATA_DIR ${dataDir})`);
    started.push(await startProcess(SERVER_ENTRY, serverEnv({ DATA_DIR: dataDir })));
    const [hello, restorativ] = started as [Running, Running];
    base = await target(hello, '/hello', 'baseline');
    server = await target(restorativ, '/api/about', 'server');

    for (const t of [base, server]) {
      log(`${t.label}: warm-up ${WARMUP_S} s`);
      await load(t, WARMUP_S, true);
    }
    const seconds = DURATION_S / ROUNDS;
    for (let i = 1; i <= ROUNDS; i++) {
      for (const t of [base, server]) {
        log(`round ${i}/${ROUNDS}: ${t.label} ${seconds} s, ${CONNECTIONS} connections`);
        await load(t, seconds);
      }
    }
  } finally {
    for (const running of started) await stopProcess(running);
    removeTempDir(dataDir);
  }

  const notes: string[] = [];
  for (const t of [server, base]) {
    if (t.errors > 0 || t.non2xx > 0) {
      notes.push(
        `${t.label}: ${t.errors} connection errors and ${t.non2xx} non-2xx answers in ${t.requests} requests — its figures are not comparable`,
      );
    }
  }
  const s = summarise(server);
  const b = summarise(base);
  return {
    rows: [
      { label: 'requests/s', value: s.rps, baseline: b.rps, unit: 'req/s' },
      { label: 'latency p50', value: s.p50, baseline: b.p50, unit: 'ms' },
      { label: 'latency p99', value: s.p99, baseline: b.p99, unit: 'ms' },
      { label: 'response body', value: server.bytes, baseline: base.bytes, unit: 'bytes' },
    ],
    result: {
      db: database,
      route: '/api/about',
      connections: CONNECTIONS,
      duration_s: round(server.seconds),
      rps: round(s.rps),
      p50_ms: round(s.p50, 2),
      p99_ms: round(s.p99, 2),
      baseline_rps: round(b.rps),
      baseline_p50_ms: round(b.p50, 2),
      baseline_p99_ms: round(b.p99, 2),
      rps_ratio: round(s.rps / b.rps, 3),
      requests: server.requests,
      errors: server.errors,
      non2xx: server.non2xx,
    },
    notes,
  };
}

export const apiRead: Benchmark = {
  name: 'api-read',
  description: `autocannon, ${CONNECTIONS} connections: GET /api/about (database-backed JSON) vs a hello-world JSON route`,
  run,
};
export default apiRead;
