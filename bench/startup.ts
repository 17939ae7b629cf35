// startup: how long the real server takes from spawn until `GET /ready` answers 200 — once on an
// empty data directory (PGlite initdb + migrations), then several warm starts on the same
// directory, each after a clean SIGTERM shutdown. Baseline: a bare Fastify hello-world process,
// started the same way and interleaved with the warm starts.
import {
  type Benchmark,
  database,
  describeExit,
  envNumber,
  type Figures,
  HELLO_ENTRY,
  log,
  makeTempDir,
  median,
  removeTempDir,
  round,
  SERVER_ENTRY,
  serverEnv,
  startProcess,
  stopProcess,
} from './lib.ts';

const RUNS = Math.round(envNumber('BENCH_STARTUP_RUNS', 5));

interface Cycle {
  readyMs: number;
  shutdownMs: number;
  clean: boolean;
  exit: string;
}

/** One start/stop cycle: spawn, wait for /ready, SIGTERM, wait for exit. */
async function cycle(entry: string, env: NodeJS.ProcessEnv): Promise<Cycle> {
  const running = await startProcess(entry, env);
  const stopped = await stopProcess(running);
  return {
    readyMs: running.readyMs,
    shutdownMs: stopped.ms,
    clean: stopped.clean,
    exit: describeExit(stopped.exit),
  };
}

async function run(): Promise<Figures> {
  const notes: string[] = [];
  const dataDir = makeTempDir();
  const env = serverEnv({ DATA_DIR: dataDir });
  try {
    log('baseline: one discarded start to warm the file cache');
    await cycle(HELLO_ENTRY, serverEnv());

    log(`server: first start on an empty data dir (${dataDir})`);
    const first = await cycle(SERVER_ENTRY, env);
    log(`server: first start ${round(first.readyMs)} ms, shutdown ${round(first.shutdownMs)} ms`);

    const warm: Cycle[] = [];
    const base: Cycle[] = [];
    for (let i = 1; i <= RUNS; i++) {
      base.push(await cycle(HELLO_ENTRY, serverEnv()));
      warm.push(await cycle(SERVER_ENTRY, env));
      log(
        `run ${i}/${RUNS}: server ${round(warm.at(-1)?.readyMs ?? 0)} ms, baseline ${round(base.at(-1)?.readyMs ?? 0)} ms`,
      );
    }

    const unclean = [first, ...warm, ...base].filter((c) => !c.clean);
    for (const c of unclean) notes.push(`a process did not exit cleanly after SIGTERM (${c.exit})`);
    if (database === 'postgresql') {
      notes.push(
        'DATABASE_URL is set: the "first start" runs against an existing PostgreSQL database, so its migrations may already be applied.',
      );
    }

    const ready = warm.map((c) => c.readyMs);
    const baseReady = base.map((c) => c.readyMs);
    const shutdown = median([first, ...warm].map((c) => c.shutdownMs));
    const baseShutdown = median(base.map((c) => c.shutdownMs));
    const b = median(baseReady);
    return {
      rows: [
        { label: 'first start (empty data dir)', value: first.readyMs, baseline: b, unit: 'ms' },
        { label: `warm start, median of ${RUNS}`, value: median(ready), baseline: b, unit: 'ms' },
        {
          label: 'warm start, min',
          value: Math.min(...ready),
          baseline: Math.min(...baseReady),
          unit: 'ms',
        },
        {
          label: 'warm start, max',
          value: Math.max(...ready),
          baseline: Math.max(...baseReady),
          unit: 'ms',
        },
        { label: 'SIGTERM to exit, median', value: shutdown, baseline: baseShutdown, unit: 'ms' },
      ],
      result: {
        db: database,
        runs: RUNS,
        first_run_ms: round(first.readyMs),
        warm_ms: round(median(ready)),
        warm_min_ms: round(Math.min(...ready)),
        warm_max_ms: round(Math.max(...ready)),
        baseline_ms: round(b),
        baseline_min_ms: round(Math.min(...baseReady)),
        baseline_max_ms: round(Math.max(...baseReady)),
        shutdown_ms: round(shutdown),
        baseline_shutdown_ms: round(baseShutdown),
        unclean_exits: unclean.length,
      },
      notes,
    };
  } finally {
    removeTempDir(dataDir);
  }
}

export const startup: Benchmark = {
  name: 'startup',
  description:
    'spawn until GET /ready answers 200: first start on an empty data dir, then warm starts',
  run,
};
export default startup;
