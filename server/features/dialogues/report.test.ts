import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogueReport } from '../../../shared/dialogues/contract.ts';
import { csvRows } from '../../../shared/dialogues/polis.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import type { TestDialogue } from './results-testing.ts';
import { buildResultsWorld, insertHandMade, type ResultsWorld } from './results-world.ts';

// The report and its export on a small dialogue whose answers are known (results-world.ts).

let test: TestApp;
let world: ResultsWorld;
let dialogue: TestDialogue;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildResultsWorld(test);
  dialogue = await insertHandMade(test, world);
});
afterAll(async () => {
  await test.close();
});

const statement = (n: number) => dialogue.statements[n - 1] ?? '';

describe('the report of a dialogue', () => {
  it('shows the figures by role and opinion group, with the common ground and what divides', async () => {
    const answer = await send(
      test,
      world.facilitator,
      'GET',
      `/api/dialogues/${dialogue.dialogueId}/report`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const report = answer.json<DialogueReport>();
    expect(report).toMatchObject({
      dialogueId: dialogue.dialogueId,
      state: 'open',
      threshold: 5,
      participants: 13,
      // The two others are fewer than five: how many they are is not shown either.
      byRole: { resident: 6, officer: 5, other: null },
      votes: 77,
      grouped: 12,
    });
    // Only the published statements, the hidden and pending ones left out.
    expect(report.statements.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.commonGround).toEqual([statement(1), statement(6)]);
    expect(report.divisive).toEqual(expect.arrayContaining([statement(2), statement(3)]));
    expect(report.divisive).not.toContain(statement(1));

    // Residents and others on one side, officers on the other; sizes only, never members.
    expect(report.opinionGroups.map((group) => group.size).sort()).toEqual([5, 7]);
    expect(JSON.stringify(report.opinionGroups)).not.toContain('members');
    for (const participant of dialogue.participants) {
      expect(answer.body).not.toContain(participant);
    }

    const fourth = report.statements[3];
    expect(fourth?.byRole.officer).toMatchObject({
      shown: true,
      agree: 4,
      pass: 1,
      agreeRate: 0.8,
    });
    expect(fourth?.byRole.resident).toMatchObject({ shown: true, agreeRate: 1 });
    expect(fourth?.byRole.other).toEqual({ shown: false });
    expect(fourth?.overall).toMatchObject({ agree: 12, pass: 1, seen: 13 });

    const third = report.statements[2];
    expect(third).toMatchObject({ authorRole: 'resident', number: 3 });
    expect(third?.responses).toEqual([
      expect.objectContaining({
        displayName: 'Neighbour 7',
        text: 'We will publish stops by district each month so that everyone can check.',
      }),
    ]);
    expect(report.statements[0]?.authorRole).toBe('facilitator');
    expect(report.statements[1]?.authorRole).toBe('officer');
  });

  it('lets the program’s reviewers read it, and refuses a resident of the program (403)', async () => {
    const url = `/api/dialogues/${dialogue.dialogueId}/report`;
    expect((await send(test, world.reviewer, 'GET', url)).statusCode).toBe(200);
    expect((await send(test, world.resident, 'GET', url)).statusCode).toBe(403);
    expect((await send(test, undefined, 'GET', url)).statusCode).toBe(401);
  });

  it('refuses a dialogue that does not exist as any other (403): no one learns which exist', async () => {
    const answer = await send(
      test,
      world.coordinator,
      'GET',
      `/api/dialogues/${crypto.randomUUID()}/report`,
    );
    expect(answer.statusCode).toBe(403);
  });
});

describe('the report as a spreadsheet', () => {
  it('has one row per statement, blank where a group is too small, and no formulas', async () => {
    const answer = await send(
      test,
      world.facilitator,
      'GET',
      `/api/dialogues/${dialogue.dialogueId}/report.csv`,
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="dialogue-${dialogue.dialogueId}.csv"`,
    );
    const [header = [], ...rows] = csvRows(answer.body);
    expect(rows).toHaveLength(6);
    const cell = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)];
    expect(header.slice(0, 6)).toEqual([
      'number',
      'text',
      'author role',
      'agree',
      'disagree',
      'pass',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['officer agree rate', 'group A agree low', 'group B agree high']),
    );
    const [first, , , fourth, fifth] = rows;
    expect(cell(first, 'common ground')).toBe('yes');
    expect(cell(first, 'agree')).toBe('13');
    expect(cell(first, 'agree rate')).toBe('1.000');
    expect(cell(fourth, 'officer agree rate')).toBe('0.800');
    expect(cell(fourth, 'common ground')).toBe('no');
    expect(cell(fourth, 'other agree rate')).toBe('');
    expect(cell(rows[1], 'divisive')).toBe('yes');
    // A statement written as a formula stays words in a spreadsheet.
    expect(cell(fifth, 'text')).toBe(
      `'=HYPERLINK("https://example.org","Better street lights on Elm Street")`,
    );
    expect(answer.body).toContain(`"'=HYPERLINK(""https://example.org""`);
  });

  it('is refused to a resident of the program', async () => {
    const answer = await send(
      test,
      world.resident,
      'GET',
      `/api/dialogues/${dialogue.dialogueId}/report.csv`,
    );
    expect(answer.statusCode).toBe(403);
  });
});
