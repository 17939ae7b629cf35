import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CertificateCheck,
  groupedCertificateCode,
  type Learning,
  type MyCourse,
} from '../../../shared/training/contract.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { trainingCertificates } from './schema.ts';
import { firstEnrolmentOf, setUpTrainingProgram } from './testing.ts';

// An officer who completes a course gets a certificate: a PDF to print, whose QR code and code
// lead to a public page that says it is valid, with the officer's name, the course and who ran
// it, and nothing else. A changed code finds nothing, a malformed one is told what a code looks
// like, and an expiring certificate tells its holder that renewal is due.

let test: TestApp;
let officer: TestPerson;
let enrolmentId: string;
let code: string;

const anyone = (path: string) => test.app.inject({ method: 'GET', url: path });

beforeAll(async () => {
  test = await startTestApp();
  const world = await setUpTrainingProgram(test);
  officer = await addSignedInPerson(test, { organisationId: world.agencyId, role: 'officer' });
  await send(test, world.coordinator, 'POST', `/api/courses/${world.courseId}/cohorts`, {
    name: 'Spring cohort',
    dueOn: '2030-03-31',
    people: [officer.personId],
  });
  enrolmentId = await firstEnrolmentOf(test, officer);
});
afterAll(async () => {
  await test.close();
});

const step = (body: object) =>
  send(test, officer, 'POST', `/api/me/training/${enrolmentId}/steps`, body);

describe('certificates', () => {
  it('comes only with completion, as a PDF that the learner alone may take', async () => {
    const before = await send(
      test,
      officer,
      'GET',
      `/api/me/training/${enrolmentId}/certificate.pdf`,
    );
    expect(before.statusCode).toBe(404);
    expect(before.json().detail).toContain('not completed yet');

    await step({ type: 'read', stepId: 's1' });
    await step({ type: 'answer', stepId: 's2', chosen: ['a'] });
    await step({ type: 'reflect', stepId: 's4', text: 'A slow morning at the desk.' });
    const completed: Learning = (
      await step({ type: 'choose', stepId: 's3', choiceId: 'form' })
    ).json();
    expect(completed.certificate).toMatchObject({ status: 'valid', renewalDue: false });
    code = completed.certificate?.code ?? '';
    expect(completed.certificate?.verifyUrl).toBe(
      `${test.context.config.publicUrl}/certificates/${code}`,
    );
    // The course is valid for twelve months.
    const issued = new Date(completed.certificate?.issuedAt ?? '');
    const expires = new Date(completed.certificate?.expiresAt ?? '');
    expect(expires.getUTCFullYear() * 12 + expires.getUTCMonth()).toBe(
      issued.getUTCFullYear() * 12 + issued.getUTCMonth() + 12,
    );

    const pdf = await send(test, officer, 'GET', `/api/me/training/${enrolmentId}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is confirmed to anyone holding the code, as printed or typed, with nothing else', async () => {
    const typed = groupedCertificateCode(code).toLowerCase();
    const answer = await anyone(`/api/certificates/${typed}`);
    expect(answer.statusCode, answer.body).toBe(200);
    const check: CertificateCheck = answer.json();
    expect(check).toMatchObject({
      code,
      status: 'valid',
      learnerName: 'officer',
      courseTitle: { en: 'Listening at the front desk' },
      organisationName: 'Riverside Police',
    });
    expect(Object.keys(check).sort()).toEqual([
      'code',
      'courseTitle',
      'expiresAt',
      'issuedAt',
      'learnerName',
      'organisationName',
      'status',
    ]);
    expect(answer.body).not.toContain(officer.personId);
    expect(answer.body).not.toContain('@');
  });

  it('finds nothing for a changed code, and says what a code looks like for a malformed one', async () => {
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    const changed = await anyone(`/api/certificates/${code.slice(0, -1)}${last}`);
    expect(changed.statusCode).toBe(404);
    expect(changed.json().detail).toContain('No certificate has this code');

    const malformed = await anyone('/api/certificates/not-a-code');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'malformed_code' }),
    ]);
    expect(malformed.body).not.toContain('at ');
  });

  it('says when renewal is due, and when it has expired or was withdrawn', async () => {
    const { db } = test.context.database;
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000);
    await db
      .update(trainingCertificates)
      .set({ expiresAt: inTwoWeeks })
      .where(eq(trainingCertificates.code, code));
    const mine: MyCourse[] = (await send(test, officer, 'GET', '/api/me/training')).json();
    expect(mine[0]?.certificate).toMatchObject({ status: 'valid', renewalDue: true });

    await db
      .update(trainingCertificates)
      .set({ expiresAt: new Date(Date.now() - 86_400_000) })
      .where(eq(trainingCertificates.code, code));
    expect((await anyone(`/api/certificates/${code}`)).json().status).toBe('expired');

    await db
      .update(trainingCertificates)
      .set({ revokedAt: new Date() })
      .where(eq(trainingCertificates.code, code));
    expect((await anyone(`/api/certificates/${code}`)).json().status).toBe('revoked');
  });
});
