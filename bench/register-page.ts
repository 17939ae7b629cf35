// register-page: what a resident's phone receives and waits for when they open an
// organisation's public register of 200 commitments: the bytes over the wire (gzip, as the
// server sends them), the number of requests, and the server's latency under load. Baselines in
// the same run: the first load of the web app (its HTML, scripts and styles, as the same server
// sends them) for the bytes, and a bare Fastify hello-world route for the latency.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { load, summarise, type Target } from './api-read.ts';
import {
  type Benchmark,
  database,
  envNumber,
  type Figures,
  HELLO_ENTRY,
  log,
  makeTempDir,
  ROOT,
  type Running,
  removeTempDir,
  round,
  SERVER_ENTRY,
  serverEnv,
  startProcess,
  stopProcess,
} from './lib.ts';

const COMMITMENTS = envNumber('BENCH_COMMITMENTS', 200);
const CONNECTIONS = 10;
const ROUNDS = 2;
const DURATION_S = envNumber('BENCH_DURATION_S', 10);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 2);
const SEED_ENTRY = path.join(ROOT, 'bench', 'fixtures', 'seed-register.ts');
const WEB_INDEX = path.join(ROOT, 'dist', 'web', 'index.html');

/** How many bytes the body takes on the wire when the client accepts gzip. */
function gzipped(url: URL): Promise<{ status: number; wireBytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent: false, headers: { 'accept-encoding': 'gzip' } },
      (res) => {
        let wireBytes = 0;
        res.on('data', (chunk: Buffer) => {
          wireBytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, wireBytes }));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

function plain(url: URL): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The files a page loads before it shows anything: its scripts, preloads and style sheets. */
function subresourcesOf(html: string): string[] {
  const found = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g),
  ];
  return [...new Set(found.map((match) => match[1] ?? ''))].filter(Boolean);
}

/** Wire bytes and request count of a page's first load, the page and what it needs. */
async function firstLoad(base: URL, route: string) {
  const page = await plain(new URL(route, base));
  if (page.status !== 200)
    throw new Error(`GET ${route} answered ${page.status}: ${page.body.slice(0, 300)}`);
  const files = subresourcesOf(page.body);
  let wireBytes = (await gzipped(new URL(route, base))).wireBytes;
  for (const file of files) {
    const answer = await gzipped(new URL(file, new URL(route, base)));
    if (answer.status !== 200) throw new Error(`GET ${file} answered ${answer.status}`);
    wireBytes += answer.wireBytes;
  }
  const scripts = (page.body.match(/<script\b/g) ?? []).length;
  return {
    wireBytes,
    requests: 1 + files.length,
    scripts,
    htmlBytes: Buffer.byteLength(page.body),
    body: page.body,
  };
}

function seed(dataDir: string): { organisationId: string } {
  const seeded = spawnSync(process.execPath, [SEED_ENTRY], {
    cwd: ROOT,
    env: serverEnv({ DATA_DIR: dataDir, COMMITMENTS: String(COMMITMENTS), LOG_LEVEL: 'silent' }),
    encoding: 'utf8',
  });
  const last = seeded.stdout.trim().split('\n').at(-1) ?? '';
  if (seeded.status !== 0 || !last.startsWith('{')) {
    throw new Error(`seeding failed (${seeded.status}):\n${seeded.stdout}\n${seeded.stderr}`);
  }
  return JSON.parse(last) as { organisationId: string };
}

async function run(): Promise<Figures> {
  const dataDir = makeTempDir();
  const started: Running[] = [];
  const notes: string[] = [];
  let register: Target;
  let base: Target;
  let page: Awaited<ReturnType<typeof firstLoad>>;
  let app: Awaited<ReturnType<typeof firstLoad>> | undefined;
  try {
    log(`seeding ${COMMITMENTS} commitments (${database})`);
    const { organisationId } = seed(dataDir);
    const route = `/register/organisations/${organisationId}`;
    started.push(await startProcess(HELLO_ENTRY, serverEnv()));
    started.push(await startProcess(SERVER_ENTRY, serverEnv({ DATA_DIR: dataDir })));
    const [hello, restorativ] = started as [Running, Running];
    page = await firstLoad(restorativ.url, route);
    const cards = (page.body.match(/<article\b/g) ?? []).length;
    log(
      `register: ${page.htmlBytes} bytes of HTML, ${cards} commitments shown, ${page.scripts} scripts`,
    );
    if (existsSync(WEB_INDEX)) {
      app = await firstLoad(restorativ.url, '/');
    } else {
      notes.push('the web app is not built (npm run build), so its first load is not measured');
    }
    const empty = { seconds: 0, requests: 0, errors: 0, non2xx: 0, latencies: [] };
    register = {
      label: 'register',
      url: new URL(route, restorativ.url),
      bytes: page.htmlBytes,
      ...empty,
    };
    base = {
      label: 'baseline',
      url: new URL('/hello', hello.url),
      bytes: 0,
      ...empty,
      latencies: [],
    };
    for (const t of [base, register]) await load(t, WARMUP_S, true);
    for (let i = 1; i <= ROUNDS; i++) {
      for (const t of [base, register]) {
        log(
          `round ${i}/${ROUNDS}: ${t.label} ${DURATION_S / ROUNDS} s, ${CONNECTIONS} connections`,
        );
        await load(t, DURATION_S / ROUNDS);
      }
    }
  } finally {
    for (const running of started) await stopProcess(running);
    removeTempDir(dataDir);
  }
  for (const t of [register, base]) {
    if (t.errors > 0 || t.non2xx > 0) {
      notes.push(`${t.label}: ${t.errors} errors and ${t.non2xx} non-2xx answers under load`);
    }
  }
  const s = summarise(register);
  const b = summarise(base);
  const appBytes = app?.wireBytes ?? Number.NaN;
  return {
    rows: [
      {
        label: 'first load, over the wire',
        value: page.wireBytes / 1024,
        baseline: appBytes / 1024,
        unit: 'KiB (baseline: web app)',
      },
      {
        label: 'requests for the first load',
        value: page.requests,
        baseline: app?.requests ?? Number.NaN,
        unit: 'requests (baseline: web app)',
      },
      {
        label: 'scripts',
        value: page.scripts,
        baseline: app?.scripts ?? Number.NaN,
        unit: 'scripts (baseline: web app)',
      },
      {
        label: 'latency p50 under load',
        value: s.p50,
        baseline: b.p50,
        unit: 'ms (baseline: hello world)',
      },
      {
        label: 'latency p99 under load',
        value: s.p99,
        baseline: b.p99,
        unit: 'ms (baseline: hello world)',
      },
      { label: 'requests/s', value: s.rps, baseline: b.rps, unit: 'req/s (baseline: hello world)' },
    ],
    result: {
      db: database,
      commitments: COMMITMENTS,
      wire_kib: round(page.wireBytes / 1024, 1),
      html_kib: round(page.htmlBytes / 1024, 1),
      requests: page.requests,
      scripts: page.scripts,
      baseline_app_wire_kib: round(appBytes / 1024, 1),
      baseline_app_requests: app?.requests ?? 'NaN',
      p50_ms: round(s.p50, 2),
      p99_ms: round(s.p99, 2),
      rps: round(s.rps),
      baseline_p50_ms: round(b.p50, 2),
      baseline_p99_ms: round(b.p99, 2),
      baseline_rps: round(b.rps),
    },
    notes,
  };
}

export const registerPage: Benchmark = {
  name: 'register-page',
  description: `an organisation's public register of ${COMMITMENTS} commitments: bytes and requests of its first load vs the web app's, latency vs a hello-world route`,
  run,
};
export default registerPage;
