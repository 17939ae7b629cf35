import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentDetail } from '../../../shared/commitments/contract.ts';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type {
  DialogueDetail,
  DialogueReport,
  PublicResults,
} from '../../../shared/dialogues/contract.ts';
import { SYNTHESIS_MAX } from '../../../shared/dialogues/contract.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { commitments } from '../commitments/schema.ts';
import type { TestDialogue } from './results-testing.ts';
import { buildResultsWorld, insertHandMade, type ResultsWorld } from './results-world.ts';
import { dialogues } from './schema.ts';

// The facilitator turns the common ground into a synthesis and commitments on the register, and
// may publish the results; the public then reads them without anyone's name.

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

const synthesis =
  'Residents and officers agree that a stop should start with its reason, and that body cameras stay on.';
const url = (path: string) => `/api/dialogues/${dialogue.dialogueId}${path}`;
const publicUrl = () => `/api/public/dialogues/${dialogue.dialogueId}`;
const storedDialogue = async () => {
  const [row] = await test.context.database.db
    .select()
    .from(dialogues)
    .where(eq(dialogues.id, dialogue.dialogueId));
  return row;
};
const commitmentCount = async () => {
  const [row] = await test.context.database.db.select({ n: count() }).from(commitments);
  return row?.n ?? 0;
};

describe('the synthesis and the public results', () => {
  it('keeps the results private until the facilitator publishes them', async () => {
    expect((await send(test, undefined, 'GET', publicUrl())).statusCode).toBe(404);
    const saved = await send(test, world.facilitator, 'PUT', url('/synthesis'), {
      synthesis,
      resultsPublic: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<DialogueDetail>()).toMatchObject({ synthesis, resultsPublic: false });
    expect((await send(test, undefined, 'GET', publicUrl())).statusCode).toBe(404);
  });

  it('publishes the common ground with its agreement, the synthesis, and no one’s name', async () => {
    const published = await send(test, world.facilitator, 'PUT', url('/synthesis'), {
      synthesis,
      resultsPublic: true,
    });
    expect(published.statusCode).toBe(200);
    const answer = await send(test, undefined, 'GET', publicUrl());
    expect(answer.statusCode).toBe(200);
    const results = answer.json<PublicResults>();
    expect(results).toMatchObject({
      title: 'Traffic stops on the east side',
      programName: 'East side dialogues',
      state: 'open',
      participants: 13,
      synthesis,
      source: null,
    });
    expect(results.commonGround.map((statement) => statement.number)).toEqual([1, 6]);
    expect(results.commonGround[0]).toMatchObject({
      text: 'Say the reason for a stop before asking for papers.',
      agreeRate: 1,
    });
    expect(results.commonGround[0]?.agreeInterval[0]).toBeCloseTo(13 / (13 + 1.959964 ** 2), 3);
    expect(answer.body).not.toContain('Neighbour');
    expect(answer.body).not.toContain('byRole');
    for (const participant of dialogue.participants) {
      expect(answer.body).not.toContain(participant);
    }
    const [audited] = await test.context.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'dialogue.synthesis.saved'))
      .orderBy(auditEvents.seq);
    expect(audited?.details).toMatchObject({ resultsPublic: false });
  });

  it('refuses a synthesis that is too long (400), and keeps the one before', async () => {
    const answer = await send(test, world.facilitator, 'PUT', url('/synthesis'), {
      synthesis: 'x'.repeat(SYNTHESIS_MAX + 1),
      resultsPublic: false,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Keep the synthesis under 8,000 characters.');
    expect(await storedDialogue()).toMatchObject({ synthesis, resultsPublic: true });
  });

  it('lets only those who manage the dialogue write it (a reviewer reads, a resident neither)', async () => {
    const body = { synthesis: 'Nothing.', resultsPublic: false };
    expect((await send(test, world.reviewer, 'PUT', url('/synthesis'), body)).statusCode).toBe(403);
    expect((await send(test, world.resident, 'PUT', url('/synthesis'), body)).statusCode).toBe(403);
    expect(await storedDialogue()).toMatchObject({ synthesis });
  });
});

describe('commitments from the dialogue', () => {
  const commitment = () => ({
    title: 'Start every stop by saying its reason',
    description: 'Added to the spring training and to the stop checklist.',
    owner: { kind: 'organisation', organisationId: world.agencyId, unit: 'Patrol' },
    visibility: 'public',
    dueOn: addDays(dayIn(test.context.config.TIME_ZONE), 60),
    statementIds: [dialogue.statements[0]],
  });

  it('puts a commitment on the register with the dialogue as its source', async () => {
    const answer = await send(test, world.facilitator, 'POST', url('/commitments'), commitment());
    expect(answer.statusCode, answer.body).toBe(201);
    const { commitmentId } = answer.json<{ commitmentId: string }>();
    const onRegister = await send(
      test,
      world.coordinator,
      'GET',
      `/api/commitments/${commitmentId}`,
    );
    expect(onRegister.json<CommitmentDetail>()).toMatchObject({
      title: 'Start every stop by saying its reason',
      source: 'dialogue',
      sourceLabel: 'Traffic stops on the east side',
      sourceLink: `/dialogues/${dialogue.dialogueId}`,
      visibility: 'public',
    });
    const report = await send(test, world.facilitator, 'GET', url('/report'));
    expect(report.json<DialogueReport>().commitments).toEqual([
      { id: commitmentId, title: 'Start every stop by saying its reason' },
    ]);
    const published = await send(test, undefined, 'GET', publicUrl());
    expect(published.json<PublicResults>().commitments).toEqual([
      { id: commitmentId, title: 'Start every stop by saying its reason' },
    ]);
  });

  it('refuses statements that are not published statements of this dialogue (400), recording nothing', async () => {
    const before = await commitmentCount();
    for (const statementIds of [[crypto.randomUUID()], [dialogue.statements[6]]]) {
      const answer = await send(test, world.facilitator, 'POST', url('/commitments'), {
        ...commitment(),
        statementIds,
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors).toEqual([
        expect.objectContaining({
          field: 'statementIds',
          message: 'Choose statements of this dialogue that were published for voting.',
        }),
      ]);
    }
    const noTitle = await send(test, world.facilitator, 'POST', url('/commitments'), {
      ...commitment(),
      title: '',
    });
    expect(noTitle.statusCode).toBe(400);
    expect(await commitmentCount()).toBe(before);
  });

  it('is refused to a reviewer, who reads the report but makes no promises', async () => {
    const answer = await send(test, world.reviewer, 'POST', url('/commitments'), commitment());
    expect(answer.statusCode).toBe(403);
  });
});
