// `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME...]` runs the named ones.
// Each benchmark prints a table (figure, value, baseline, ratio = value / baseline, unit) and
// ends with exactly one machine-readable line: `RESULT bench=<name> key=value ...`.
// Progress goes to stderr; stdout holds only the tables and RESULT lines.
import os from 'node:os';
import { apiRead } from './api-read.ts';
import { av } from './av.ts';
import { circles } from './circles.ts';
import { dialogues } from './dialogues.ts';
import { type Benchmark, databaseLabel, type Figure } from './lib.ts';
import { measurement } from './measurement.ts';
import { registerPage } from './register-page.ts';
import { startup } from './startup.ts';

const benchmarks: Benchmark[] = [
  startup,
  apiRead,
  registerPage,
  circles,
  dialogues,
  measurement,
  av,
];

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const decimals = Number.isInteger(value) || abs >= 1000 ? 0 : abs >= 100 ? 1 : 2;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

function table(rows: Figure[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'unit'];
  const cells = rows.map((r) => [
    r.label,
    formatNumber(r.value),
    r.baseline === undefined ? '' : formatNumber(r.baseline),
    r.baseline ? `${(r.value / r.baseline).toFixed(2)}x` : '',
    r.unit,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) =>
        i === 0 || i === 4 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function resultLine(name: string, result: Record<string, string | number>): string {
  const pairs = Object.entries({ bench: name, ...result }).map(
    ([k, v]) => `${k}=${String(v).replace(/\s+/g, '_')}`,
  );
  return `RESULT ${pairs.join(' ')}`;
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !benchmarks.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available benchmarks:`);
  for (const b of benchmarks) console.error(`  ${b.name.padEnd(10)} ${b.description}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks;

console.log(
  `Restorativ benchmarks — node ${process.version}, ${os.platform()} ${os.arch()}, ${os.availableParallelism()} CPUs (load average ${os.loadavg()[0]?.toFixed(2)}), database: ${databaseLabel}`,
);
let failed = 0;
for (const bench of selected) {
  console.log(`\n== ${bench.name}: ${bench.description}`);
  process.stderr.write(`${bench.name}: running…\n`);
  try {
    const figures = await bench.run();
    console.log(table(figures.rows));
    for (const note of figures.notes ?? []) console.log(`note: ${note}`);
    for (const result of [figures.result].flat()) console.log(resultLine(bench.name, result));
  } catch (err) {
    failed++;
    console.log(`error: ${err instanceof Error ? err.message : String(err)}`);
    console.log(resultLine(bench.name, { status: 'failed' }));
  }
}
process.exitCode = failed > 0 ? 1 : 0;
