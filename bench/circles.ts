// circles: the live room under the load of issue 6 — BENCH_CIRCLES (100) circles of BENCH_PEOPLE
// (12) participants, the piece passing after every message so that each circle carries 12
// messages a second, for BENCH_SECONDS (60) after BENCH_WARMUP_S (3): delivery latency from a
// message's sending to its arrival at each other participant (p50, p99), and messages a second,
// on the embedded database and on PostgreSQL (DATABASE_URL, or a local server if one answers).
// Baseline, in the same run beside each: a bare `ws` broadcast of the same frames
// (fixtures/ws-broadcast.ts), driven by the same clients (circle-load.ts).
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { driveCircles, type LoadCircle, type LoadResult } from './circle-load.ts';
import {
  type Benchmark,
  envNumber,
  type Figure,
  type Figures,
  log,
  makeTempDir,
  postgresDatabase,
  ROOT,
  removeTempDir,
  round,
  SERVER_ENTRY,
  serverEnv,
  startProcess,
  stopProcess,
} from './lib.ts';

const CIRCLES = Math.round(envNumber('BENCH_CIRCLES', 100));
const PEOPLE = Math.round(envNumber('BENCH_PEOPLE', 12));
const RATE = 12;
const SECONDS = envNumber('BENCH_SECONDS', 60);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 3);
const SEED_ENTRY = path.join(ROOT, 'bench', 'fixtures', 'seed-circles.ts');
const BROADCAST_ENTRY = path.join(ROOT, 'bench', 'fixtures', 'ws-broadcast.ts');

type Db = 'pglite' | 'postgres';

const liveUrl = (url: URL) => `ws://${url.host}/api/circles/live`;

async function seed(env: NodeJS.ProcessEnv): Promise<LoadCircle[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [SEED_ENTRY], {
    cwd: ROOT,
    env: { ...env, CIRCLES: String(CIRCLES), PEOPLE: String(PEOPLE) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as LoadCircle[];
}

function drive(url: string, circles: LoadCircle[]): Promise<LoadResult> {
  return driveCircles({
    url,
    circles,
    seconds: SECONDS,
    warmupSeconds: WARMUP_S,
    perCircleRate: RATE,
  });
}

async function measureServer(db: Db, databaseUrl: string): Promise<LoadResult> {
  const dataDir = makeTempDir();
  const env = serverEnv({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64'),
  });
  try {
    log(`${db}: seeding ${CIRCLES} circles of ${PEOPLE} people, seated and signed in`);
    const circles = await seed(env);
    const running = await startProcess(SERVER_ENTRY, env);
    try {
      log(`${db}: ${CIRCLES * PEOPLE} participants, ${WARMUP_S} s warm-up, ${SECONDS} s measured`);
      return await drive(liveUrl(running.url), circles);
    } finally {
      await stopProcess(running);
    }
  } finally {
    removeTempDir(dataDir);
  }
}

async function measureBaseline(): Promise<LoadResult> {
  const running = await startProcess(BROADCAST_ENTRY, serverEnv());
  try {
    log(`baseline: bare ws broadcast, the same ${CIRCLES * PEOPLE} participants and traffic`);
    const circles = Array.from({ length: CIRCLES }, () => ({
      circleId: randomUUID(),
      cookies: Array.from({ length: PEOPLE }, () => ''),
    }));
    return await drive(liveUrl(running.url), circles);
  } finally {
    await stopProcess(running);
  }
}

function summarise(result: LoadResult) {
  const sorted = Float64Array.from(result.latencies).sort();
  const at = (p: number) =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p99: at(99), perSecond: result.messages / result.seconds };
}

async function run(): Promise<Figures> {
  const rows: Figure[] = [];
  const results: Record<string, string | number>[] = [];
  const notes: string[] = [];
  const wanted = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
  const postgres = wanted.includes('postgres') ? await postgresDatabase() : null;
  const targets: [Db, string][] = wanted.includes('pglite') ? [['pglite', '']] : [];
  if (postgres) targets.push(['postgres', postgres.url]);
  try {
    for (const [db, databaseUrl] of targets) {
      const baseline = summarise(await measureBaseline());
      const measured = await measureServer(db, databaseUrl);
      const server = summarise(measured);
      if (measured.refused > 0 || measured.problems.length > 0) {
        notes.push(
          `${db}: ${measured.refused} commands refused, ${measured.problems.length} problems (${[...new Set(measured.problems)].slice(0, 3).join('; ')})`,
        );
      }
      rows.push(
        { label: `${db}: delivery p50`, value: server.p50, baseline: baseline.p50, unit: 'ms' },
        { label: `${db}: delivery p99`, value: server.p99, baseline: baseline.p99, unit: 'ms' },
        {
          label: `${db}: messages/s`,
          value: server.perSecond,
          baseline: baseline.perSecond,
          unit: 'msg/s',
        },
      );
      results.push({
        db,
        circles: CIRCLES,
        people: PEOPLE,
        duration_s: SECONDS,
        p50_ms: round(server.p50, 2),
        p99_ms: round(server.p99, 2),
        msgs_per_s: round(server.perSecond),
        baseline_msgs_per_s: round(baseline.perSecond),
        baseline_p50_ms: round(baseline.p50, 2),
        baseline_p99_ms: round(baseline.p99, 2),
        ratio: round(server.perSecond / baseline.perSecond, 3),
      });
    }
  } finally {
    await postgres?.drop();
  }
  return { rows, result: results, notes };
}

export const circles: Benchmark = {
  name: 'circles',
  description: `${CIRCLES} live circles × ${PEOPLE} people, ${RATE} messages/s each, the piece passing after every message, vs a bare ws broadcast`,
  run,
};
export default circles;
