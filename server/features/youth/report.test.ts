import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { addSignedInPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { countYouthProgram } from './report.ts';
import { requireYouthSettings } from './settings.ts';
import { linkTokenSentTo, setUpYouthProgram, type YouthProgram } from './testing.ts';

// A youth program's report as its coordinator and an oversight reviewer read it: counts only,
// a small group shown as no figure (nor as the difference of two shown figures), and no name
// or written word of anyone in the answer.

let test: TestApp;
let youth: YouthProgram;
const names: string[] = [];
const guardianTokens: string[] = [];

const DAY_MS = 86_400_000;
const CONCERN = 'An officer asked a young person to keep their chat a secret.';

async function addYoungPerson(displayName: string, ageBand: '14-15' | '18-20') {
  names.push(displayName);
  const address = `guardian-of-${names.length}@example.org`;
  const guardian =
    ageBand === '14-15'
      ? { name: `Guardian ${displayName}`, email: address, language: 'en' }
      : null;
  if (guardian) names.push(guardian.name);
  const added = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/young-people`,
    { displayName, ageBand, guardian },
  );
  expect(added.statusCode).toBe(201);
  if (guardian) guardianTokens.push(await linkTokenSentTo(test, address, 'youth-consent-request'));
}

const answer = (token: string, given: 'give' | 'withdraw') =>
  send(test, undefined, 'POST', '/api/consent', { token, answer: given });

const readReport = (as = youth.coordinator) =>
  send(test, as, 'GET', `/api/programs/${youth.programId}/youth-report`);

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
  names.push('Marisol Vega');
  for (let index = 1; index <= 12; index++) await addYoungPerson(`Tamsin Okafor ${index}`, '14-15');
  for (let index = 1; index <= 3; index++) await addYoungPerson(`Rafael Quist ${index}`, '18-20');
  for (const token of guardianTokens) expect((await answer(token, 'give')).statusCode).toBe(200);
  const raised = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/concerns`,
    {
      body: CONCERN,
    },
  );
  expect(raised.statusCode).toBe(201);
});
afterAll(async () => {
  await test.close();
});

describe('the youth report', () => {
  it('shows no figure for 3 young adults, nor the band that would give them away', async () => {
    const read = await readReport();
    expect(read.statusCode).toBe(200);
    const report = read.json();
    expect(report.threshold).toBe(10);
    expect(report.youngPeople.total).toEqual({ n: 15 });
    expect(report.youngPeople.byBand).toEqual([
      { band: '12-13', figure: { n: 0 } },
      { band: '14-15', figure: { hidden: 'complementary' } },
      { band: '16-17', figure: { n: 0 } },
      { band: '18-20', figure: { hidden: 'below_threshold' } },
    ]);
    // 12 minors beside 15 in all would give the 3 adults: the consent table hides it too.
    expect(report.consent.minors).toEqual({ hidden: 'nested_complement' });
    expect(report.consent.byStatus[0]).toEqual({
      status: 'current',
      figure: { hidden: 'nested_complement' },
    });
    expect(report.concerns.raised).toEqual({ hidden: 'below_threshold' });
    expect(report.mentoring.activePairs).toEqual({ n: 0 });
    expect(report.events).toEqual({ held: { n: 0 }, attendance: { n: 0 } });
  });

  it('shows each band once large enough, and hides 2 withdrawals with what would give them away', async () => {
    for (let index = 4; index <= 12; index++)
      await addYoungPerson(`Rafael Quist ${index}`, '18-20');
    for (const token of guardianTokens.slice(0, 2)) {
      expect((await answer(token, 'withdraw')).statusCode).toBe(200);
    }
    const report = (await readReport()).json();
    expect(report.youngPeople.byBand).toEqual([
      { band: '12-13', figure: { n: 0 } },
      { band: '14-15', figure: { n: 12 } },
      { band: '16-17', figure: { n: 0 } },
      { band: '18-20', figure: { n: 12 } },
    ]);
    expect(report.consent.minors).toEqual({ n: 12 });
    expect(report.consent.byStatus).toEqual([
      { status: 'current', figure: { hidden: 'complementary' } },
      { status: 'waiting', figure: { n: 0 } },
      { status: 'declined', figure: { n: 0 } },
      { status: 'withdrawn', figure: { hidden: 'below_threshold' } },
      { status: 'lapsed', figure: { n: 0 } },
    ]);
  });

  it('counts consents as the consent rules read them: given ones lapse once they expire', async () => {
    const { db } = test.context.database;
    const settings = await requireYouthSettings(db, youth.programId);
    const today = await countYouthProgram(db, settings, new Date());
    expect(today.consent).toEqual({
      current: 10,
      waiting: 0,
      declined: 0,
      withdrawn: 2,
      lapsed: 0,
    });
    const afterExpiry = new Date(Date.now() + (settings.consentValidDays + 1) * DAY_MS);
    const later = await countYouthProgram(db, settings, afterExpiry);
    expect(later.consent).toEqual({
      current: 0,
      waiting: 0,
      declined: 0,
      withdrawn: 2,
      lapsed: 10,
    });
  });

  it('names no one and quotes no concern, to an oversight reviewer too', async () => {
    const reviewer = await withName(
      test,
      await addSignedInPerson(test, {
        organisationId: youth.organisationId,
        programId: youth.programId,
        role: 'oversight_reviewer',
      }),
      'Odile Reviewer',
    );
    const read = await readReport(reviewer);
    expect(read.statusCode).toBe(200);
    for (const name of [...names, 'Odile Reviewer']) expect(read.body).not.toContain(name);
    expect(read.body).not.toContain(CONCERN);
    expect(read.body).not.toContain('@example.org');
    expect(read.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('refuses a facilitator with 403, and audits each read by ids only', async () => {
    expect((await readReport(youth.lead)).statusCode).toBe(403);
    const reads = await test.context.database.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'youth.report_read'),
          eq(auditEvents.targetId, youth.programId),
          eq(auditEvents.actorId, youth.coordinator.personId),
        ),
      );
    expect(reads).toHaveLength(2);
    expect(reads.map((read) => read.details)).toEqual([{}, {}]);
  });
});
