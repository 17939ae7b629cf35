import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { emailsTo } from '../circles/fixtures.ts';
import {
  addOfficerAsResponsible,
  auditOf,
  buildPartyWorld,
  caseAt,
  type PartyWorld,
} from './party-fixtures.ts';

// Oversight of misconduct cases, and the firewall. A reviewer signs off a screening decision
// reading decisions and reasons, never the referral's words or a statement; the agency's
// professional standards staff are refused every confidential part of a misconduct case, and
// each attempt is in the audit trail.

let test: TestApp;
let world: PartyWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildPartyWorld(test);
});
afterAll(async () => {
  await test.close();
});

// From the referral the test cases are made with (testing.ts), and a statement written here.
const REFERRAL_WORDS = 'The officer shouted at me at the bus stop';
const STATEMENT = 'I shouted because the bus was about to leave and I panicked.';

async function screenedMisconductCase() {
  const conferenceId = await caseAt(test, world, 'misconduct', 'screening');
  const officer = await addOfficerAsResponsible(test, world, conferenceId);
  const written = await send(
    test,
    world.facilitator,
    'POST',
    `/api/conferences/${conferenceId}/records`,
    {
      kind: 'statement',
      partyId: officer.partyId,
      body: STATEMENT,
    },
  );
  expect(written.statusCode, written.body).toBe(201);
  return conferenceId;
}

describe('an oversight reviewer', () => {
  it('finds a screened misconduct case waiting, reads no statement, and signs it off', async () => {
    const conferenceId = await screenedMisconductCase();
    const signOffs = `/api/programs/${world.misconductProgramId}/conference-sign-offs`;
    const waiting = await send(test, world.reviewer, 'GET', signOffs);
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json()).toContainEqual(
      expect.objectContaining({ conferenceId, stage: 'screening', since: expect.any(String) }),
    );

    const view = await send(
      test,
      world.reviewer,
      'GET',
      `/api/conferences/${conferenceId}/oversight`,
    );
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      stage: 'screening',
      harmType: 'discourtesy',
      harmLabel: 'Discourtesy',
      eligibility: { eligible: true, reason: 'A discourtesy the program hears.' },
      safety: { safe: true, voluntary: true },
      signOff: { screening: null, closure: null },
      awaiting: 'screening',
      items: [],
    });
    for (const words of [STATEMENT, REFERRAL_WORDS, 'Priya'])
      expect(view.body).not.toContain(words);

    const signed = await send(
      test,
      world.reviewer,
      'POST',
      `/api/conferences/${conferenceId}/sign-off`,
      {
        stage: 'screening',
        approved: true,
        comment: 'Proportionate and voluntary.',
      },
    );
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      signOff: { screening: { approved: true, comment: 'Proportionate and voluntary.' } },
      awaiting: null,
    });
    expect(signed.body).not.toContain(STATEMENT);
    const after = (await send(test, world.reviewer, 'GET', signOffs)).json();
    expect(after.map((one: { conferenceId: string }) => one.conferenceId)).not.toContain(
      conferenceId,
    );
    // The team hears the decision by the case's reference, without the comment.
    const [email] = await emailsTo(test, world.facilitator.email, 'conference-signed-off');
    expect(email?.subject).toMatch(/^Caso RC-\w+: evaluación inicial aprobada$/);
    expect(email?.textBody).not.toContain('Proportionate');
    // A coordinator is no reviewer: to them there is nothing here to sign.
    const byCoordinator = await send(
      test,
      world.coordinator,
      'POST',
      `/api/conferences/${conferenceId}/sign-off`,
      {
        stage: 'screening',
        approved: true,
      },
    );
    expect(byCoordinator.statusCode).toBe(404);
  });

  it('is told when nothing waits for a sign-off', async () => {
    const conferenceId = await screenedMisconductCase();
    const answer = await send(
      test,
      world.reviewer,
      'POST',
      `/api/conferences/${conferenceId}/sign-off`,
      {
        stage: 'closure',
        approved: true,
      },
    );
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({
      code: 'nothing_to_sign_off',
      detail: 'No closure is waiting for a sign-off.',
    });
    const returned = await send(
      test,
      world.reviewer,
      'POST',
      `/api/conferences/${conferenceId}/sign-off`,
      {
        stage: 'screening',
        approved: false,
      },
    );
    expect(returned.statusCode).toBe(400);
    expect(returned.json().errors).toEqual([expect.objectContaining({ field: 'comment' })]);
  });

  it('is the only one who reads the program’s sign-offs', async () => {
    const signOffs = `/api/programs/${world.misconductProgramId}/conference-sign-offs`;
    for (const someone of [world.facilitator, world.standards, world.outsider]) {
      expect((await send(test, someone, 'GET', signOffs)).statusCode).toBe(403);
    }
  });
});

describe('the firewall', () => {
  it('refuses the agency’s professional standards every confidential part of a misconduct case, and audits each attempt', async () => {
    const conferenceId = await screenedMisconductCase();
    const url = (path: string) => `/api/conferences/${conferenceId}${path}`;
    const attempts = [
      await send(test, world.standards, 'GET', url('/records')),
      await send(test, world.standards, 'POST', url('/parties'), {
        role: 'harmed',
        name: 'Someone',
      }),
      await send(test, world.standards, 'GET', url('/script?language=en')),
      await send(test, world.standards, 'GET', url('/oversight')),
    ];
    for (const answer of attempts) {
      expect(answer.statusCode, answer.body).toBe(403);
      expect(answer.body).not.toContain(STATEMENT);
    }
    const refused = await auditOf(test, conferenceId, 'conference.firewall_refused');
    expect(refused.map((entry) => entry.details.attempted)).toEqual([
      'records',
      'parties',
      'script',
      'oversight',
    ]);
    expect(refused.every((entry) => entry.actorId === world.standards.personId)).toBe(true);
  });

  it('lets the team read the same case, and its script', async () => {
    const conferenceId = await screenedMisconductCase();
    const script = await send(
      test,
      world.facilitator,
      'GET',
      `/api/conferences/${conferenceId}/script?language=es`,
    );
    expect(script.statusCode, script.body).toBe(200);
    expect(script.json()).toMatchObject({ language: 'es', order: 'harmed_first' });
    // The facilitator opens and closes; the one party so far, the officer, speaks between.
    expect(script.json().steps.map((step: { speaker: string }) => step.speaker)).toEqual([
      'facilitator',
      'responsible',
      'facilitator',
      'facilitator',
    ]);
    const records = await send(
      test,
      world.facilitator,
      'GET',
      `/api/conferences/${conferenceId}/records`,
    );
    expect(records.json().map((one: { body: string }) => one.body)).toEqual([STATEMENT]);
  });
});
