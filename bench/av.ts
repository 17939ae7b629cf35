// av: what voice through the forwarding unit costs the server (issue 12). BENCH_AV_CIRCLES (10)
// circles of BENCH_AV_PEOPLE (8) participants on a server whose mesh limit (4) is below the
// circle's size, so every circle is relayed. Two windows of BENCH_AV_SECONDS (20) each, after
// BENCH_WARMUP_S (3): first by text only (each circle's holder posts a message a second and
// passes the piece every BENCH_AV_PASS_S (4) seconds); then the same, with everyone by voice,
// connected to the unit (real WebRTC, werift, in this process) and each holder's browser sending
// 50 Opus-sized RTP packets a second. Measured: the server process's CPU (utime + stime from
// /proc/<pid>/stat, over the window, as a percentage of one core) and its resident memory
// (VmRSS from /proc/<pid>/status, at the window's end); and the packets the listeners received.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { LiveClient } from '../server/features/circles/live-client.ts';
import { RelayBrowser } from '../server/features/circles/relay-browser.ts';
import { mediaOf } from '../shared/circles/machine.ts';
import {
  type Benchmark,
  envNumber,
  type Figures,
  log,
  makeTempDir,
  ROOT,
  removeTempDir,
  round,
  SERVER_ENTRY,
  serverEnv,
  startProcess,
  stopProcess,
} from './lib.ts';

const CIRCLES = Math.round(envNumber('BENCH_AV_CIRCLES', 10));
const PEOPLE = Math.round(envNumber('BENCH_AV_PEOPLE', 8));
const SECONDS = envNumber('BENCH_AV_SECONDS', 20);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 3);
const PASS_S = envNumber('BENCH_AV_PASS_S', 4);
const MESH_LIMIT = 4;
const PACKETS_PER_SECOND = 50;
/** About 20 ms of speech at 64 kbit/s Opus. */
const OPUS_PACKET = Buffer.alloc(160, 0x5a);
/**
 * The clients send an Origin, as browsers do, and production trusts only its public address:
 * with PORT=0 and no PUBLIC_URL, that is this one.
 */
const BENCH_ORIGIN = 'http://localhost:0';
const SEED_ENTRY = path.join(ROOT, 'bench', 'fixtures', 'seed-circles.ts');

interface Seated {
  circleId: string;
  cookies: string[];
}

/** CPU seconds (user + system) the process has used, from /proc. */
function cpuSeconds(pid: number, ticksPerSecond: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the name and state.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

function ticksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Circle {
  clients: LiveClient[];
  browsers: Map<string, RelayBrowser>;
  posted: number;
}

/** The client whose participant holds the piece now. */
const holderOf = (circle: Circle) => {
  const state = circle.clients[0]?.state;
  return circle.clients.find((client) => client.you === state?.holder);
};

/**
 * Each holder posts a message a second and passes every PASS_S seconds; `speak`, if given, is
 * called every 20 ms. Returns once `seconds` have passed.
 */
async function drive(circles: Circle[], seconds: number, speak?: (circle: Circle) => void) {
  const until = Date.now() + seconds * 1000;
  const talk = speak
    ? setInterval(() => {
        for (const circle of circles) speak(circle);
      }, 1000 / PACKETS_PER_SECOND)
    : null;
  try {
    let tick = 0;
    while (Date.now() < until) {
      tick += 1;
      const passing = tick % PASS_S === 0;
      await Promise.all(
        circles.map(async (circle) => {
          const holder = holderOf(circle);
          if (!holder) return;
          const text = 'What happened that night, and what would help now.';
          await holder.command({ type: 'post', messageId: randomUUID(), text });
          circle.posted += 1;
          if (passing) await holder.command({ type: 'pass' });
        }),
      );
      await sleep(Math.max(0, 1000 - (Date.now() % 1000)));
    }
  } finally {
    if (talk) clearInterval(talk);
  }
}

async function measure(pid: number, ticks: number, work: Promise<void>) {
  const cpuBefore = cpuSeconds(pid, ticks);
  const started = performance.now();
  await work;
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid, ticks) - cpuBefore;
  return { cpuPercent: (cpu / elapsed) * 100, rssMb: rssMegabytes(pid), seconds: elapsed };
}

async function run(): Promise<Figures> {
  const ticks = ticksPerSecond();
  const dataDir = makeTempDir();
  const env = serverEnv({
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    MEDIA_MESH_LIMIT: String(MESH_LIMIT),
  });
  const browsers: RelayBrowser[] = [];
  try {
    log(`seeding ${CIRCLES} circles of ${PEOPLE} people`);
    const { stdout } = await promisify(execFile)(process.execPath, [SEED_ENTRY], {
      cwd: ROOT,
      env: { ...env, CIRCLES: String(CIRCLES), PEOPLE: String(PEOPLE) },
      maxBuffer: 16 * 1024 * 1024,
    });
    const seated = JSON.parse(stdout) as Seated[];
    const running = await startProcess(SERVER_ENTRY, env);
    const pid = running.child.pid;
    if (pid === undefined) throw new Error('the server has no process id');
    try {
      const url = `ws://${running.url.host}/api/circles/live`;
      const circles: Circle[] = [];
      for (const { circleId, cookies } of seated) {
        const clients: LiveClient[] = [];
        for (const cookie of cookies) {
          const client = await LiveClient.connect(url, cookie, BENCH_ORIGIN);
          await client.hello(circleId, null);
          await client.command({ type: 'join', name: 'x', role: 'other' });
          clients.push(client);
        }
        await clients[0]?.command({ type: 'open' });
        circles.push({ clients, browsers: new Map(), posted: 0 });
      }
      log(`${CIRCLES * PEOPLE} participants joined; ${WARMUP_S} s warm-up, ${SECONDS} s by text`);
      await drive(circles, WARMUP_S);
      const text = await measure(pid, ticks, drive(circles, SECONDS));

      log('everyone turns voice on and connects to the forwarding unit');
      for (const circle of circles) {
        await Promise.all(
          circle.clients.map((client) => client.command({ type: 'choose_media', media: 'audio' })),
        );
        await Promise.all(
          circle.clients.map((client) =>
            client.until(
              () =>
                client.state.participants.filter((each) => mediaOf(each) !== 'text').length ===
                PEOPLE,
            ),
          ),
        );
        for (const client of circle.clients) {
          const browser = new RelayBrowser({ keep: false });
          browsers.push(browser);
          await browser.connect(client);
          circle.browsers.set(client.you, browser);
        }
      }
      const speak = (circle: Circle) => {
        const holder = holderOf(circle);
        if (holder) circle.browsers.get(holder.you)?.sendAudio(OPUS_PACKET);
      };
      log(`${WARMUP_S} s warm-up, ${SECONDS} s by voice`);
      await drive(circles, WARMUP_S, speak);
      const receivedBefore = browsers.reduce((sum, browser) => sum + browser.count, 0);
      const audio = await measure(pid, ticks, drive(circles, SECONDS, speak));
      const received = browsers.reduce((sum, browser) => sum + browser.count, 0) - receivedBefore;
      const packetsPerSecond = received / audio.seconds;
      const expected = CIRCLES * PACKETS_PER_SECOND * (PEOPLE - 1);
      for (const client of circles.flatMap((circle) => circle.clients)) client.socket.terminate();
      return {
        rows: [
          {
            label: 'server CPU, by voice (baseline: text)',
            value: audio.cpuPercent,
            baseline: text.cpuPercent,
            unit: '% of a core',
          },
          {
            label: 'server RSS, by voice (baseline: text)',
            value: audio.rssMb,
            baseline: text.rssMb,
            unit: 'MB',
          },
          {
            label: 'packets received by listeners',
            value: packetsPerSecond,
            baseline: expected,
            unit: 'packets/s',
          },
        ],
        notes: [
          'CPU is utime + stime of the server process from /proc/<pid>/stat over each window; the WebRTC clients run in the benchmark’s own process on the same machine',
          'the voice window also has the text window’s messages and passes: the difference is the audio’s cost',
          `the baseline of "packets received" is what should arrive: ${CIRCLES} circles × ${PACKETS_PER_SECOND} packets/s × ${PEOPLE - 1} listeners`,
        ],
        result: {
          circles: CIRCLES,
          people: PEOPLE,
          mesh_limit: MESH_LIMIT,
          window_s: SECONDS,
          text_cpu_pct: round(text.cpuPercent),
          audio_cpu_pct: round(audio.cpuPercent),
          text_rss_mb: round(text.rssMb),
          audio_rss_mb: round(audio.rssMb),
          forwarded_pps: round(packetsPerSecond),
          expected_pps: expected,
        },
      };
    } finally {
      await Promise.all(browsers.map((browser) => browser.close().catch(() => {})));
      await stopProcess(running);
    }
  } finally {
    removeTempDir(dataDir);
  }
}

export const av: Benchmark = {
  name: 'av',
  description: `${CIRCLES} circles × ${PEOPLE} people through the forwarding unit: server CPU and memory by text, then by voice (${PACKETS_PER_SECOND} RTP packets/s from each holder)`,
  run,
};
export default av;
