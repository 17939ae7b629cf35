// Shared pieces of the benchmark harness: the Benchmark/Figures shapes, spawning a server

// process and timing it until `GET /ready` answers 200, stopping it with SIGTERM, and making
// sure no child process or temporary directory outlives the harness, even on failure.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_ENTRY = path.join(ROOT, 'server', 'main.ts');
export const HELLO_ENTRY = fileURLToPath(new URL('./fixtures/hello.ts', import.meta.url));

/** One row of the printed table. `ratio` is printed as value / baseline. */
export interface Figure {
  label: string;
  value: number;
  baseline?: number;
  unit: string;
}

export interface Figures {
  rows: Figure[];
  /**
   * Keys and values of the `RESULT` line, in order (`bench=<name>` is prepended); a benchmark
   * that measures several databases gives one line each.
   */
  result: Record<string, string | number> | Record<string, string | number>[];
  notes?: string[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<Figures>;
}

/** Progress goes to stderr so stdout holds only the tables and RESULT lines. */
export function log(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

export const database = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
export const databaseLabel = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : 'PGlite (embedded, DATA_DIR)';

// ---------------------------------------------------------------------------------------------
// Cleanup: every child is spawned as its own process group and killed with it on exit.

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !isRunning(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal} received, stopping children and removing temp dirs\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

export function makeTempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'restorativ-bench-'));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

// ---------------------------------------------------------------------------------------------
// Processes

// Production refuses to start without a key; a benchmark's data is thrown away, so any will do.
const BENCH_ENCRYPTION_KEY = randomBytes(32).toString('base64');

/** A production-like environment; nothing else leaks in from the caller's environment. */
export function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'DATABASE_URL']) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return {
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Production refuses to start without its secrets; a benchmark's own will do.
    AUTH_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    // To profile the server under a benchmark's load, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS
      ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
      : {}),
    ...extra,
  };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Running {
  child: ChildProcess;
  url: URL;
  /** Milliseconds from just before spawn() until `GET /ready` answered 200. */
  readyMs: number;
  exited: Promise<Exit>;
  output(): string;
}

const URL_LINE = /running at (https?:\/\/[^\s"'\\]+)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const ANSI = /\x1b\[[0-9;]*m/g;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with `message` if `promise` has not settled within `ms`; never holds the loop open. */
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

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/**
 * Spawns `node <entry>` in the repository root, waits for its `... running at <url>` line on
 * stdout, then polls `GET <url>/ready` until it answers 200.
 */
export async function startProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<Running> {
  let output = '';
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  let exit: Exit | undefined;
  void exited.then((e) => {
    exit = e;
  });

  const urlSeen = new Promise<URL>((resolve, reject) => {
    const append = (chunk: string) => {
      output = (output + chunk).slice(-20_000);
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      append(chunk);
      const match = URL_LINE.exec(output.replace(ANSI, ''));
      if (!match?.[1]) return;
      // The server shows 127.0.0.1 as "localhost"; connect to the address it was told to bind,
      // so neither the probes nor autocannon spend time on lookups or on trying ::1 first.
      const url = new URL(match[1]);
      if (env.HOST) url.hostname = env.HOST;
      resolve(url);
    });
    child.stderr.on('data', append);
    child.once('error', reject);
    void exited.then((e) => reject(new Error(`exited before listening (${describeExit(e)})`)));
  });
  urlSeen.catch(() => {}); // may settle after we gave up waiting

  const deadline = t0 + timeoutMs;
  try {
    const url = await within(
      urlSeen,
      timeoutMs,
      `no "running at <url>" line on stdout within ${timeoutMs} ms`,
    );
    const ready = new URL('/ready', url);
    let last = 'no answer';
    for (;;) {
      const status = await getStatus(ready).catch((err: Error) => err.message);
      if (status === 200) break;
      last = String(status);
      if (exit) throw new Error(`exited while waiting for /ready (${describeExit(exit)})`);
      if (performance.now() > deadline) {
        throw new Error(`GET /ready did not answer 200 within ${timeoutMs} ms (last: ${last})`);
      }
      await sleep(5);
    }
    const readyMs = performance.now() - t0;
    return { child, url, readyMs, exited, output: () => output };
  } catch (err) {
    killGroup(child, 'SIGKILL');
    await exited;
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${path.relative(ROOT, entry)} failed to start: ${reason}\n--- its output ---\n${output.trimEnd() || '(none)'}\n--- end of output ---`,
    );
  }
}

/** Sends SIGTERM and waits for the process to exit; SIGKILLs it after `timeoutMs`. */
export async function stopProcess(
  running: Running,
  timeoutMs = 15_000,
): Promise<{ ms: number; clean: boolean; exit: Exit }> {
  const { child } = running;
  const t0 = performance.now();
  if (child.pid !== undefined && isRunning(child)) process.kill(child.pid, 'SIGTERM');
  let exit: Exit;
  try {
    exit = await within(running.exited, timeoutMs, 'timeout');
  } catch {
    killGroup(child, 'SIGKILL');
    return { ms: performance.now() - t0, clean: false, exit: await running.exited };
  }
  killGroup(child, 'SIGKILL'); // leftovers of the group, if any
  return { ms: performance.now() - t0, clean: exit.code === 0, exit };
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export function httpGet(url: URL, timeoutMs = 5_000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function getStatus(url: URL): Promise<number> {
  return (await httpGet(url, 2_000)).status;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Reads a positive number from the environment (e.g. BENCH_DURATION_S), else the default. */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database on the PostgreSQL server of DATABASE_URL, or else of a local server if one
 * answers; null when there is none.
 */
export async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = process.env.DATABASE_URL ?? LOCAL_POSTGRES;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.DATABASE_URL) throw error;
    log(`no PostgreSQL answers at ${LOCAL_POSTGRES}`);
    return null;
  }
  const name = `restorativ_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
