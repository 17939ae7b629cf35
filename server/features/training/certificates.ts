import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  CERTIFICATE_CODE_ALPHABET,
  CERTIFICATE_CODE_LENGTH,
  type CertificateCheck,
  type CertificateStatus,
  type MyCertificate,
  normalisedCertificateCode,
  RENEWAL_NOTICE_DAYS,
} from '../../../shared/training/contract.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { organisations, programs } from '../organisations/schema.ts';
import { theCohortsVersion } from './joins.ts';
import {
  trainingCertificates,
  trainingCohorts,
  trainingCourses,
  trainingCourseVersions,
  trainingEnrolments,
} from './schema.ts';

// Certificates: one is issued, in the same transaction, when a learner completes a course. It
// holds a copy of what it certifies and a random public code; the verification page shows that
// copy to whoever holds the code, and nothing else about the learner. A course with
// `validMonths` gives certificates that expire, and a learner is told when renewal is due.

export type CertificateRow = typeof trainingCertificates.$inferSelect;

const DAY = 86_400_000;

function newCode(): string {
  let code = '';
  for (let index = 0; index < CERTIFICATE_CODE_LENGTH; index += 1) {
    code += CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)];
  }
  return code;
}

function addMonths(from: Date, months: number): Date {
  const until = new Date(from);
  until.setUTCMonth(until.getUTCMonth() + months);
  return until;
}

export function certificateStatus(row: CertificateRow, now = new Date()): CertificateStatus {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt && row.expiresAt <= now ? 'expired' : 'valid';
}

export const verifyUrlOf = (publicUrl: string, code: string) => `${publicUrl}/certificates/${code}`;

export function myCertificate(
  publicUrl: string,
  row: CertificateRow,
  now = new Date(),
): MyCertificate {
  const status = certificateStatus(row, now);
  return {
    code: row.code,
    issuedAt: row.issuedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    status,
    renewalDue:
      status === 'expired' ||
      (status === 'valid' &&
        row.expiresAt !== null &&
        row.expiresAt.getTime() - now.getTime() <= RENEWAL_NOTICE_DAYS * DAY),
    verifyUrl: verifyUrlOf(publicUrl, row.code),
  };
}

/** Issues the certificate of a completed enrolment, as it stands at `issuedAt`. */
export async function issueCertificate(
  db: Database | Transaction,
  enrolmentId: string,
  issuedAt: Date,
): Promise<CertificateRow> {
  const [facts] = await db
    .select({
      learnerName: people.name,
      courseId: trainingCohorts.courseId,
      courseVersion: trainingCohorts.courseVersion,
      content: trainingCourseVersions.content,
      organisationName: organisations.name,
    })
    .from(trainingEnrolments)
    .innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingEnrolments.cohortId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .innerJoin(trainingCourseVersions, theCohortsVersion)
    .innerJoin(programs, eq(programs.id, trainingCourses.programId))
    .innerJoin(organisations, eq(organisations.id, programs.leadOrganisationId))
    .where(eq(trainingEnrolments.id, enrolmentId));
  if (!facts) throw new NotFoundError('You have no such course.');
  const { content } = facts;
  const row: CertificateRow = {
    id: crypto.randomUUID(),
    code: newCode(),
    enrolmentId,
    courseId: facts.courseId,
    courseVersion: facts.courseVersion,
    learnerName: facts.learnerName,
    courseTitle: content.title,
    organisationName: facts.organisationName,
    issuedAt,
    expiresAt: content.validMonths === null ? null : addMonths(issuedAt, content.validMonths),
    revokedAt: null,
  };
  await db.insert(trainingCertificates).values(row);
  return row;
}

export async function certificateOf(
  db: Database | Transaction,
  enrolmentId: string,
): Promise<CertificateRow | undefined> {
  const [row] = await db
    .select()
    .from(trainingCertificates)
    .where(eq(trainingCertificates.enrolmentId, enrolmentId));
  return row;
}

/** GET /api/certificates/:code: for anyone holding the code, as typed or scanned. */
export async function checkCertificate(db: Database, typed: string): Promise<CertificateCheck> {
  const code = normalisedCertificateCode(typed);
  if (!code) {
    throw new InvalidError([
      {
        field: 'code',
        message:
          'This is not a certificate code. A code has 16 letters and digits, as printed under the QR code.',
        code: 'malformed_code',
      },
    ]);
  }
  const [row] = await db
    .select()
    .from(trainingCertificates)
    .where(eq(trainingCertificates.code, code));
  if (!row) {
    throw new NotFoundError(
      'No certificate has this code. Check it against the printed certificate: a link that was changed, even by one character, finds nothing.',
    );
  }
  return {
    code: row.code,
    status: certificateStatus(row),
    learnerName: row.learnerName,
    courseTitle: row.courseTitle,
    organisationName: row.organisationName,
    issuedAt: row.issuedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
