import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildIntakeWorld,
  emailsTo,
  type IntakeWorld,
  refer,
  referralLinkOf,
  referralOf,
} from './intake-fixtures.ts';
import { conferenceEvents } from './schema.ts';

// A referral by a program's public link from someone with no account: the form, its field
// messages, links that were replaced, the coordinators' email, the status link that shows the
// outcome only, and the referral's words sealed at rest.

let test: TestApp;
let world: IntakeWorld;
let token: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  token = await referralLinkOf(test, world);
});
afterAll(async () => {
  await test.close();
});

const board = async () => {
  const answer = await send(
    test,
    world.coordinator,
    'GET',
    `/api/programs/${world.programId}/conferences`,
  );
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json() as { id: string; reference: string; stage: string; urgency: string }[];
};

const status = async (statusToken: string) => {
  const answer = await send(test, undefined, 'POST', '/api/conference-referral/status', {
    token: statusToken,
  });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
};

describe('a referral by the program’s link, with no account', () => {
  it('shows the program and its kinds of harm, then puts the case on the coordinator’s board', async () => {
    const preview = await send(test, undefined, 'POST', '/api/conference-referral/preview', {
      token,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      programName: 'Riverside community conferences',
      organisationName: 'Riverside Peace Circle',
      misconduct: false,
    });
    const harmTypes = preview.json().harmTypes as { id: string; label: string }[];
    expect(harmTypes).toContainEqual({ id: 'harassment', label: 'Harassment' });
    expect(harmTypes.at(-1)).toEqual({ id: 'other', label: 'Other' });

    const answer = await send(
      test,
      undefined,
      'POST',
      '/api/conference-referral',
      referralOf(token),
    );
    expect(answer.statusCode, answer.body).toBe(201);
    const receipt = answer.json();
    expect(receipt.reference).toMatch(/^RC-[2-9A-HJKMNP-TW-Z]{5}$/);
    expect(receipt.statusUrl).toMatch(/\/conferences\/referral-status#[\w-]{40,}$/);

    const onBoard = (await board()).find((entry) => entry.reference === receipt.reference);
    expect(onBoard).toMatchObject({ stage: 'referral', urgency: 'soon' });
  });

  it('gives every case its own reference', async () => {
    const references = new Set<string>();
    for (let count = 0; count < 5; count += 1) {
      references.add((await refer(test, token, { urgency: 'routine' })).reference);
    }
    expect(references.size).toBe(5);
  });

  it('tells each coordinator the reference and urgency, and nothing that was told', async () => {
    const { reference } = await refer(test, token, { urgency: 'urgent' });
    const [email] = (await emailsTo(test, world.coordinator.email, 'conference-referral')).filter(
      (message) => message.subject.includes(reference),
    );
    expect(email?.subject).toBe(`Urgent: New referral ${reference}`);
    expect(email?.textBody).toContain(`case ${reference}, marked urgent`);
    for (const part of [email?.subject, email?.textBody, email?.htmlBody]) {
      expect(part).not.toContain('bus stop');
      expect(part).not.toContain('Dana Reyes');
      expect(part).not.toContain('badge 4471');
    }
    // Facilitators are not told of referrals: coordinators screen them.
    const toFacilitator = await emailsTo(test, world.facilitator.email, 'conference-referral');
    expect(toFacilitator).toEqual([]);
  });

  it('keeps the referral’s words sealed: none is in the database as written', async () => {
    const { conferenceId } = await refer(test, token, {
      incidentSummary: 'A very particular sentence about the corner of Fifth and Main.',
      referrerName: 'Imelda Quartz',
      referrerContact: '+1 555 0199',
    });
    const [row] = await queryRows<Record<string, unknown>>(
      test.context.database.db,
      sql`select * from conferences where id = ${conferenceId}`,
    );
    const stored = JSON.stringify(row);
    expect(stored).toContain(conferenceId);
    for (const words of ['Fifth and Main', 'Imelda Quartz', '555 0199', 'badge 4471']) {
      expect(stored).not.toContain(words);
    }
    // The referral opens the case's timeline, made by no one signed in.
    const events = await test.context.database.db
      .select()
      .from(conferenceEvents)
      .where(eq(conferenceEvents.conferenceId, conferenceId));
    expect(events.map((event) => [event.type, event.by])).toEqual([['referred', null]]);
  });
});

describe('a referral with missing or oversized fields', () => {
  it('names each missing field in words a referrer understands', async () => {
    const answer = await send(test, undefined, 'POST', '/api/conference-referral', { token });
    expect(answer.statusCode).toBe(400);
    const messages = Object.fromEntries(
      (answer.json().errors as { field: string; message: string }[]).map((error) => [
        error.field,
        error.message,
      ]),
    );
    expect(messages).toMatchObject({
      referrerKind: 'Say who is making the referral.',
      referrerName: 'Write your name.',
      referrerContact: 'Write how we can reach you.',
      incidentSummary: 'Write what happened.',
      harmType: 'Choose the kind of harm.',
      urgency: 'Say how urgent this is.',
    });
  });

  it('says how long a summary may be, and saves nothing', async () => {
    const before = (await board()).length;
    const answer = await send(
      test,
      undefined,
      'POST',
      '/api/conference-referral',
      referralOf(token, { incidentSummary: 'x'.repeat(4_001), referrerName: '   ' }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'incidentSummary',
          message: 'Keep what happened under 4,000 characters.',
        }),
        expect.objectContaining({ field: 'referrerName', message: 'Write your name.' }),
      ]),
    );
    expect((await board()).length).toBe(before);
  });

  it('refuses a kind of harm the program does not list', async () => {
    const answer = await send(
      test,
      undefined,
      'POST',
      '/api/conference-referral',
      referralOf(token, { harmType: 'excessive_force' }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      {
        field: 'harmType',
        message: 'Choose one of the kinds of harm listed, or “Other”.',
        code: 'unknown_harm_type',
      },
    ]);
  });
});

describe('a link that is unknown or was replaced', () => {
  it('is refused with words that say why, and the new link works', async () => {
    const oldToken = await referralLinkOf(test, world);
    const newToken = await referralLinkOf(test, world);
    for (const stale of [oldToken, 'a'.repeat(43)]) {
      const preview = await send(test, undefined, 'POST', '/api/conference-referral/preview', {
        token: stale,
      });
      expect(preview.statusCode).toBe(400);
      expect(preview.json().errors).toEqual([
        expect.objectContaining({
          field: 'token',
          message:
            'This referral link is not valid: it may have been copied in part, or replaced by a new one.',
        }),
      ]);
      const referral = await send(
        test,
        undefined,
        'POST',
        '/api/conference-referral',
        referralOf(stale),
      );
      expect(referral.statusCode).toBe(400);
    }
    const preview = await send(test, undefined, 'POST', '/api/conference-referral/preview', {
      token: newToken,
    });
    expect(preview.statusCode).toBe(200);
    token = newToken;
  });

  it('limits referrals from one address, so that no one floods the coordinators', async () => {
    const address = '203.0.113.9';
    const answers: number[] = [];
    for (let count = 0; count < 11; count += 1) {
      const answer = await send(
        test,
        undefined,
        'POST',
        '/api/conference-referral',
        referralOf(token),
        address,
      );
      answers.push(answer.statusCode);
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(answers[10]).toBe(429);
  });
});

describe('the referrer’s status link', () => {
  it('shows that the case was received, then in progress, then closed with the reason it was routed back', async () => {
    const { conferenceId, reference, statusToken } = await refer(test, token);
    const received = await status(statusToken);
    expect(received).toEqual({
      reference,
      programName: 'Riverside community conferences',
      receivedAt: expect.any(String),
      state: 'received',
      outcome: null,
      routedBackReason: null,
    });

    const step = (body: object) =>
      send(test, world.coordinator, 'POST', `/api/conferences/${conferenceId}/transitions`, body);
    expect((await step({ type: 'begin_screening' })).statusCode).toBe(200);
    expect(await status(statusToken)).toMatchObject({ state: 'in_progress', outcome: null });

    await step({
      type: 'record_eligibility',
      eligible: false,
      reason: 'Private notes of the screening.',
    });
    const routedBack = await step({
      type: 'route_back',
      reason: 'A civil mediation service suits this better: call 311.',
    });
    expect(routedBack.statusCode, routedBack.body).toBe(200);
    expect(await status(statusToken)).toEqual({
      ...received,
      state: 'closed',
      outcome: 'no_conference',
      routedBackReason: 'A civil mediation service suits this better: call 311.',
    });
  });

  it('shows the outcome of a case closed later, without its reason', async () => {
    const { conferenceId, statusToken } = await refer(test, token);
    const step = (body: object) =>
      send(test, world.coordinator, 'POST', `/api/conferences/${conferenceId}/transitions`, body);
    await step({ type: 'begin_screening' });
    await step({ type: 'record_eligibility', eligible: true, reason: 'Eligible.' });
    await step({ type: 'record_safety', safe: true, voluntary: true });
    expect((await step({ type: 'accept' })).statusCode).toBe(200);
    const closed = await step({
      type: 'close',
      outcome: 'no_conference',
      reason: 'The responsible person moved away.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await status(statusToken)).toMatchObject({
      state: 'closed',
      outcome: 'no_conference',
      routedBackReason: null,
    });
  });

  it('refuses a status token it does not know', async () => {
    const answer = await send(test, undefined, 'POST', '/api/conference-referral/status', {
      token: 'b'.repeat(43),
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0].message).toContain('This status link is not valid');
  });
});
