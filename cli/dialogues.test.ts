import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PolisReport } from './commands/dialogues.ts';

// `restorativ dialogues analyse-polis DIR --json` on the Seattle conversation, as a researcher
// runs it: the groups, each statement's consensus, the common ground, and the comparison with
// Pol.is's own groups, with the data's attribution.

const seattle = fileURLToPath(
  new URL('../shared/dialogues/fixtures/15-per-hour-seattle', import.meta.url),
);
const restorativ = (...args: string[]) =>
  spawnSync(process.execPath, ['cli/restorativ.ts', 'dialogues', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test' },
  });

describe('restorativ dialogues analyse-polis', () => {
  it('prints the opinion groups, the consensus, the common ground and the match with Pol.is', () => {
    const answer = restorativ('analyse-polis', seattle, '--json');
    expect(answer.status, answer.stderr).toBe(0);
    const report = JSON.parse(answer.stdout) as PolisReport;
    expect(report).toMatchObject({ participants: 339, grouped: 138, k: 2, commonGround: [] });
    expect(report.opinionGroups.flatMap((group) => group.participants)).toHaveLength(138);
    // The statements its moderators rejected (spam among them) are left out.
    expect(report.statements.length).toBeLessThan(54);
    expect(report.statements.map((statement) => statement.text)).not.toContain(
      'First piece of spam on polis!  Buy products now!',
    );
    const consensus = report.statements.map((statement) => statement.consensus);
    expect(consensus.every((value) => value > 0 && value < 1)).toBe(true);
    expect(report.polisGroups?.comparedParticipants).toBe(138);
    expect(report.polisGroups?.adjustedRandIndex).toBeGreaterThan(0.5);
    expect(report.attribution).toContain('The Computational Democracy Project');
  });

  it('says plainly what is wrong with a folder that holds no export', () => {
    const answer = restorativ('analyse-polis', fileURLToPath(new URL('.', import.meta.url)));
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain('does not hold a Pol.is export: comments.csv and votes.csv');
  });
});
