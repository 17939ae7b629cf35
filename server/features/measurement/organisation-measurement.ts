import type {
  OrganisationMeasurement,
  QuarterFigures,
} from '../../../shared/measurement/contract.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findOrganisation, programsRunBy } from '../organisations/service.ts';
import { programToday } from './dashboard.ts';
import { programTrend, publicPageChosen } from './public-trust.ts';
import { measurementSettings } from './schema.ts';

// An organisation's measurement at a glance: each program it runs whose figures the reader may
// read, with its latest community pulse quarter that has figures to show; and the organisation
// admin's choice to publish the aggregate figures on a public page.

const organisationTarget = (organisationId: string) => ({
  type: 'organisation',
  id: organisationId,
  organisationId,
});

/** The latest quarter of the trend whose figures are shown; null when none is. */
const latestShown = (trend: QuarterFigures[]): QuarterFigures | null =>
  trend.findLast((each) => !('hidden' in each.figures) && each.figures.n > 0) ?? null;

/**
 * GET /api/organisations/:organisationId/measurement: the programs the reader may read the
 * figures of. Someone who may read none, and is no admin of the organisation, is refused (403).
 */
export async function organisationMeasurement(
  db: Database,
  actor: SignedIn,
  organisationId: string,
): Promise<OrganisationMeasurement> {
  const readable = (await programsRunBy(db, organisationId)).filter(
    (program) => decide(actor, 'measurement.read', programTarget(program.id, program)).allowed,
  );
  const target = organisationTarget(organisationId);
  if (readable.length === 0 && !decide(actor, 'measurement.publish', target).allowed) {
    // No program's figures to read: refused (and audited) as reading, whatever exists.
    await authorize(db, actor, 'measurement.read', target);
  }
  if (!(await findOrganisation(db, organisationId))) {
    throw new NotFoundError('There is no such organisation.');
  }
  const programs = await Promise.all(
    readable
      .toSorted((a, b) => a.name.localeCompare(b.name, 'en'))
      .map(async (program) => {
        const today = await programToday(db, program.id);
        const trend = today ? (await programTrend(db, program.id, 'pulse', today)).trend : [];
        return { programId: program.id, name: program.name, latest: latestShown(trend) };
      }),
  );
  return {
    organisationId,
    publicPage: await publicPageChosen(db, organisationId),
    programs,
  };
}

/** PUT /api/organisations/:organisationId/measurement/public (the organisation's admins). */
export async function choosePublicPage(
  db: Database,
  actor: SignedIn,
  organisationId: string,
  publicPage: boolean,
): Promise<OrganisationMeasurement> {
  await authorize(db, actor, 'measurement.publish', organisationTarget(organisationId));
  if (!(await findOrganisation(db, organisationId))) {
    throw new NotFoundError('There is no such organisation.');
  }
  await db.transaction(async (tx) => {
    const updatedAt = new Date();
    await tx
      .insert(measurementSettings)
      .values({ organisationId, publicPage, updatedAt })
      .onConflictDoUpdate({
        target: measurementSettings.organisationId,
        set: { publicPage, updatedAt },
      });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId,
        action: 'measurement.public_page_changed',
        targetType: 'organisation',
        targetId: organisationId,
        outcome: 'succeeded',
        details: { publicPage },
      },
      tx,
    );
  });
  return organisationMeasurement(db, actor, organisationId);
}
