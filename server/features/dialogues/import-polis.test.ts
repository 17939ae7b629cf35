import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePolisFolder } from '../../../cli/commands/dialogues.ts';
import type { DialogueDetail, DialogueReport } from '../../../shared/dialogues/contract.ts';
import { POLIS_ATTRIBUTION } from '../../../shared/dialogues/polis.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { buildResultsWorld, type ResultsWorld } from './results-world.ts';
import { dialogueStatements, dialogues } from './schema.ts';

// A Pol.is conversation imported through the API, on the Seattle export (real data, CC BY 4.0,
// The Computational Democracy Project): the report finds what `analyse-polis` finds.

const seattle = fileURLToPath(
  new URL('../../../shared/dialogues/fixtures/15-per-hour-seattle', import.meta.url),
);
const file = (name: string) => readFileSync(`${seattle}/${name}`, 'utf8');

let test: TestApp;
let world: ResultsWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildResultsWorld(test);
});
afterAll(async () => {
  await test.close();
});

const importUrl = () => `/api/programs/${world.programId}/dialogues/import-polis`;
const dialogueCount = async () => {
  const [row] = await test.context.database.db.select({ n: count() }).from(dialogues);
  return row?.n ?? 0;
};

describe('importing a Pol.is conversation', () => {
  it('makes an archived dialogue whose report finds the groups and consensus analyse-polis finds', async () => {
    const answer = await send(test, world.facilitator, 'POST', importUrl(), {
      title: '$15 per hour in Seattle',
      commentsCsv: file('comments.csv'),
      votesCsv: file('votes.csv'),
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const detail = answer.json<DialogueDetail>();
    expect(detail).toMatchObject({
      title: '$15 per hour in Seattle',
      state: 'archived',
      source: POLIS_ATTRIBUTION,
      can: { takePart: false, readReport: true },
    });
    const rejected = await test.context.database.db
      .select({ number: dialogueStatements.number, reason: dialogueStatements.reason })
      .from(dialogueStatements)
      .where(eq(dialogueStatements.status, 'rejected'));
    expect(rejected).toHaveLength(23);

    const report = (
      await send(test, world.facilitator, 'GET', `/api/dialogues/${detail.id}/report`)
    ).json<DialogueReport>();
    const offline = analysePolisFolder(seattle);
    expect(report.grouped).toBe(offline.grouped);
    expect(report.opinionGroups.map((group) => group.size)).toEqual(
      offline.opinionGroups.map((group) => group.participants.length),
    );
    const numberOf = new Map(report.statements.map((s) => [s.id, String(s.number)]));
    expect(report.commonGround.map((id) => numberOf.get(id))).toEqual(offline.commonGround);
    expect(report.divisive.map((id) => numberOf.get(id)).sort()).toEqual(
      [...offline.divisive].sort(),
    );
    const consensus = new Map(offline.statements.map((s) => [s.id, s.consensus]));
    expect(report.statements).toHaveLength(offline.statements.length);
    for (const statement of report.statements) {
      expect(statement.consensus).toBeCloseTo(consensus.get(String(statement.number)) ?? -1, 9);
      expect(statement.authorRole).toBe('other');
    }
    // Pol.is knows no roles: everyone is 'other'.
    expect(report.byRole).toMatchObject({ resident: null, officer: null });
  });

  it('refuses an export it cannot read (400), naming the file and line, and stores nothing', async () => {
    const before = await dialogueCount();
    const answer = await send(test, world.facilitator, 'POST', importUrl(), {
      title: 'Broken',
      commentsCsv: file('comments.csv'),
      votesCsv: 'timestamp,datetime,comment-id,voter-id,vote\n1403058993627,x,9999,1,1\n',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({
        field: 'votesCsv',
        message: 'votes.csv, line 2: comment 9999 is not in comments.csv.',
      }),
    ]);
    const empty = await send(test, world.facilitator, 'POST', importUrl(), {
      title: 'Empty',
      commentsCsv: '',
      votesCsv: file('votes.csv'),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ field: 'commentsCsv', message: 'Add comments.csv.' }),
    ]);
    expect(await dialogueCount()).toBe(before);
  });

  it('is refused to those who may not open a dialogue in the program', async () => {
    const before = await dialogueCount();
    const answer = await send(test, world.reviewer, 'POST', importUrl(), {
      title: 'Not mine to import',
      commentsCsv: file('comments.csv'),
      votesCsv: file('votes.csv'),
    });
    expect(answer.statusCode).toBe(403);
    expect(await dialogueCount()).toBe(before);
  });
});
