import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import { youthConcernActions, youthConcerns } from './schema.ts';
import { setUpYouthProgram, type YouthProgram } from './testing.ts';

// Safeguarding concerns as a young person and the program's lead live them: a young person
// raises one before their guardian has even answered, the lead alone is told (without the words)
// and reads it, and records what was done; everyone else is refused, and that is audited.

let test: TestApp;
let youth: YouthProgram;
let youngPersonCookie: string;

const worry = 'After Tuesday’s meeting an adult asked me to keep our chat a secret.';

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
  // A minor whose guardian has not answered: raising a concern must not wait for consent.
  const added = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/young-people`,
    {
      displayName: 'Jayden',
      ageBand: '14-15',
      guardian: { name: 'Carmen Ruiz', email: 'jayden-guardian@example.org', language: 'es' },
    },
  );
  expect(added.statusCode).toBe(201);
  const token = added.json().youthLink.split('#')[1];
  const joined = await send(test, undefined, 'POST', '/api/youth/join', { token });
  expect(joined.statusCode).toBe(200);
  youngPersonCookie = String(joined.headers['set-cookie']).split(';')[0] ?? '';
});
afterAll(async () => {
  await test.close();
});

const concernsPath = () => `/api/programs/${youth.programId}/concerns`;

const raise = (as: Parameters<typeof send>[1], body: unknown, programId = youth.programId) =>
  send(test, as, 'POST', `/api/programs/${programId}/concerns`, body);

async function auditedAs(action: string, actorId: string) {
  return test.context.database.db
    .select({ outcome: auditEvents.outcome, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, actorId)))
    .orderBy(asc(auditEvents.seq));
}

describe('raising a safeguarding concern', () => {
  it('reaches the lead alone: an email that says where to read it, never what it says', async () => {
    const raised = await raise(youngPersonCookie, { body: `  ${worry}  ` });
    expect(raised.statusCode).toBe(201);
    const { id } = raised.json();

    const { db } = test.context.database;
    const mails = (await latestOutboxMessages(db, 50)).filter(
      (message) => message.template === 'youth-concern-raised',
    );
    expect(mails.map((message) => message.toAddress)).toEqual([youth.lead.email]);
    const [mail] = mails;
    if (!mail) throw new Error('no email to the lead');
    const email = await readOutboxMessage(db, test.context.cipher, mail.id);
    expect(email?.subject).toBe('A safeguarding concern was raised in Youth and police together');
    expect(email?.textBody).toContain(
      `${test.context.config.publicUrl}/programs/${youth.programId}/concerns`,
    );
    expect(email?.textBody).not.toContain('secret');
    expect(email?.htmlBody).not.toContain('secret');

    const [stored] = await db.select().from(youthConcerns).where(eq(youthConcerns.id, id));
    expect(stored?.body).not.toContain('secret');
    expect(stored?.body).not.toContain('Tuesday');

    const audited = await db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(audited.map((event) => event.action)).toEqual(['youth.concern_raised']);
    expect(JSON.stringify(audited)).not.toContain('secret');
  });

  it('says what to fix beside the field, in plain words', async () => {
    const short = await raise(youngPersonCookie, { body: '   help   ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      expect.objectContaining({
        field: 'body',
        message:
          'Write a little more, at least 10 characters, so that the safeguarding lead understands.',
      }),
    ]);
    const long = await raise(youngPersonCookie, { body: 'a'.repeat(4001) });
    expect(long.json().errors).toEqual([
      expect.objectContaining({ field: 'body', message: 'Keep it under 4,000 characters.' }),
    ]);
    const missing = await raise(youngPersonCookie, {});
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        field: 'body',
        message: 'Write what happened, or what worries you.',
      }),
    ]);
  });

  it('refuses someone with no role in the program, and a program that is not a youth program', async () => {
    const elsewhere = await setUpYouthProgram(test);
    const refused = await raise(elsewhere.coordinator, { body: worry });
    expect(refused.statusCode).toBe(403);

    const plain = await send(
      test,
      youth.admin,
      'POST',
      `/api/organisations/${youth.organisationId}/programs`,
      { name: 'Neighbourhood circles' },
    );
    const notYouth = await raise(youth.admin, { body: worry }, plain.json().id);
    expect(notYouth.statusCode).toBe(400);
    expect(notYouth.json().errors).toEqual([expect.objectContaining({ code: 'not_youth' })]);
  });
});

describe('the safeguarding lead and the record of what was done', () => {
  it('lets the lead read each concern with who raised it, add what was done, and close it', async () => {
    const list = await send(test, youth.lead, 'GET', concernsPath());
    expect(list.statusCode).toBe(200);
    const [concern] = list.json().concerns;
    expect(concern).toMatchObject({
      body: worry,
      status: 'open',
      raisedByName: 'Jayden',
      actions: [],
    });
    expect(await auditedAs('youth.concerns_read', youth.lead.personId)).toEqual([
      expect.objectContaining({ outcome: 'succeeded' }),
    ]);

    const called = await send(test, youth.lead, 'POST', `/api/concerns/${concern.id}/actions`, {
      note: 'Talked with Jayden and his guardian; the adult is stood down from meetings.',
      close: false,
    });
    expect(called.statusCode).toBe(200);
    expect(called.json().concern).toMatchObject({ status: 'open' });
    const closed = await send(test, youth.lead, 'POST', `/api/concerns/${concern.id}/actions`, {
      note: 'Reported to the county safeguarding team, reference 2291.',
      close: true,
    });
    expect(closed.json().concern).toMatchObject({
      status: 'closed',
      actions: [
        {
          byName: 'Marisol Vega',
          note: 'Talked with Jayden and his guardian; the adult is stood down from meetings.',
          closed: false,
        },
        {
          byName: 'Marisol Vega',
          note: 'Reported to the county safeguarding team, reference 2291.',
          closed: true,
        },
      ],
    });
    const reopened = await send(test, youth.lead, 'POST', `/api/concerns/${concern.id}/actions`, {
      note: 'Jayden says it happened again.',
      close: false,
    });
    expect(reopened.json().concern.status).toBe('open');

    const notes = await test.context.database.db
      .select({ note: youthConcernActions.note })
      .from(youthConcernActions)
      .where(eq(youthConcernActions.concernId, concern.id));
    expect(notes).toHaveLength(3);
    for (const { note } of notes) expect(note).not.toMatch(/Jayden|county|guardian/);
  });

  it('asks the lead for a note, in words', async () => {
    const [concern] = (await send(test, youth.lead, 'GET', concernsPath())).json().concerns;
    const empty = await send(test, youth.lead, 'POST', `/api/concerns/${concern.id}/actions`, {
      note: '  ',
      close: true,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ field: 'note', message: 'Write what you did.' }),
    ]);
  });

  it('refuses the coordinator and the administrator, and audits each refusal', async () => {
    const [concern] = (await send(test, youth.lead, 'GET', concernsPath())).json().concerns;
    for (const someone of [youth.coordinator, youth.admin]) {
      const read = await send(test, someone, 'GET', concernsPath());
      expect(read.statusCode).toBe(403);
      expect(read.json().detail).toBe("Concerns go only to the program's safeguarding lead.");
      const act = await send(test, someone, 'POST', `/api/concerns/${concern.id}/actions`, {
        note: 'Closing this myself.',
        close: true,
      });
      expect(act.statusCode).toBe(403);
      expect(act.body).not.toContain('secret');
      const refusals = await auditedAs('permission.denied', someone.personId);
      expect(refusals).toEqual([
        {
          outcome: 'denied',
          details: { attempted: 'youth.concerns_read', reason: 'not_safeguarding_lead' },
        },
        {
          outcome: 'denied',
          details: { attempted: 'youth.concern_action', reason: 'not_safeguarding_lead' },
        },
      ]);
    }
    const after = (await send(test, youth.lead, 'GET', concernsPath())).json().concerns[0];
    expect(after.actions.map((action: { note: string }) => action.note)).not.toContain(
      'Closing this myself.',
    );
  });

  it('refuses the lead once their role in the program has ended', async () => {
    await test.context.database.db
      .update(memberships)
      .set({ revokedAt: new Date() })
      .where(eq(memberships.personId, youth.lead.personId));
    const read = await send(test, youth.lead, 'GET', concernsPath());
    expect(read.statusCode).toBe(403);
  });
});
