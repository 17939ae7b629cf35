// dialogues: the analysis of a guided dialogue (shared/dialogues/analysis.ts: opinion groups by
// PCA and k-means with k chosen by silhouette, rates by role and group, consensus, common ground)
// on BENCH_PARTICIPANTS (5,000) participants x BENCH_STATEMENTS (500) statements, each person
// having seen BENCH_SEEN (30%) of them, drawn from three camps. Target: under 2 s. Baseline, in
// the same run: one pass over the same votes counting agree, disagree and pass per statement.
import { analyseDialogue } from '../shared/dialogues/analysis.ts';
import type { Vote, VoteMatrix } from '../shared/dialogues/matrix.ts';
import { type Benchmark, envNumber, log, median, round } from './lib.ts';

const PARTICIPANTS = Math.round(envNumber('BENCH_PARTICIPANTS', 5_000));
const STATEMENTS = Math.round(envNumber('BENCH_STATEMENTS', 500));
const SEEN = envNumber('BENCH_SEEN', 0.3);
const RUNS = Math.round(envNumber('BENCH_RUNS', 3));

/** A small deterministic generator, so that every run analyses the same votes. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function syntheticVotes(): VoteMatrix {
  const random = generator(15);
  // Each camp leans for or against each statement; some statements every camp agrees with.
  const leanings = Array.from({ length: 3 }, () =>
    Array.from({ length: STATEMENTS }, (_, s) => (s % 10 === 0 ? 0.9 : random())),
  );
  const cells = new Float64Array(PARTICIPANTS * STATEMENTS).fill(Number.NaN);
  for (let p = 0; p < PARTICIPANTS; p += 1) {
    const leaning = leanings[p % 3] ?? [];
    for (let s = 0; s < STATEMENTS; s += 1) {
      if (random() >= SEEN) continue;
      const draw = random();
      const agree = leaning[s] ?? 0.5;
      const vote: Vote = draw < 0.1 ? 0 : draw < 0.1 + 0.9 * agree ? 1 : -1;
      cells[p * STATEMENTS + s] = vote;
    }
  }
  return {
    participants: Array.from({ length: PARTICIPANTS }, (_, p) => `p${p}`),
    statements: Array.from({ length: STATEMENTS }, (_, s) => `s${s}`),
    cells,
  };
}

/** The baseline: agree, disagree and pass per statement, in one pass. */
function tally(matrix: VoteMatrix): number {
  const counts = new Float64Array(STATEMENTS * 3);
  for (let index = 0; index < matrix.cells.length; index += 1) {
    const vote = matrix.cells[index] ?? Number.NaN;
    if (Number.isNaN(vote)) continue;
    const slot = (index % STATEMENTS) * 3 + (vote + 1);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts.length;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export const dialogues: Benchmark = {
  name: 'dialogues',
  description: 'analysis of 5,000 participants x 500 statements (30% seen), target under 2 s',
  async run() {
    log(`generating ${PARTICIPANTS} x ${STATEMENTS} votes, ${Math.round(SEEN * 100)}% seen`);
    const matrix = syntheticVotes();
    const analysisMs: number[] = [];
    const tallyMs: number[] = [];
    let groups = 0;
    let commonGround = 0;
    for (let run = 0; run < RUNS; run += 1) {
      tallyMs.push(timed(() => tally(matrix)));
      analysisMs.push(
        timed(() => {
          const analysis = analyseDialogue(matrix);
          groups = analysis.k;
          commonGround = analysis.commonGround.length;
        }),
      );
      log(`run ${run + 1}: analysis ${round(analysisMs.at(-1) ?? 0)} ms`);
    }
    const analysis = round(median(analysisMs));
    const baseline = round(median(tallyMs), 2);
    return {
      rows: [
        { label: 'analysis (median)', value: analysis, baseline, unit: 'ms' },
        { label: 'opinion groups found', value: groups, unit: 'groups' },
        { label: 'common-ground statements', value: commonGround, unit: 'statements' },
      ],
      result: {
        participants: PARTICIPANTS,
        statements: STATEMENTS,
        analysis_ms: analysis,
        tally_ms: baseline,
        groups,
        target_ms: 2_000,
      },
      notes: ['baseline: one pass counting agree, disagree and pass per statement'],
    };
  },
};
