import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AgencyCase } from '../../../shared/conferences/contract.ts';
import type { CaseStage, ItemStatus, Outcome } from '../../../shared/conferences/machine.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { itemDescriptionContext } from './items-read.ts';
import { conferenceEvents, conferenceItems, conferences } from './schema.ts';

// GET /api/organisations/:organisationId/conferences: what a police agency sees of the
// misconduct cases about its officers (docs/decisions/023). Its admins and its professional
// standards staff learn whether a case was taken up or declined, where it stands, how it ended,
// the items the agency itself owes, and how many items are done. It is built from the case's
// plain columns, the workflow's event types and the agency's own items, and reads nothing
// else: no referral, no party, no record, no reason, so it cannot carry a statement by mistake.

function decisionOf(
  stage: CaseStage,
  outcome: Outcome | null,
  accepted: boolean,
): AgencyCase['decision'] {
  if (stage === 'referral' || stage === 'screening') return 'pending';
  // Routed back from screening: closed with no conference, never having been accepted.
  if (stage === 'closed' && outcome === 'no_conference' && !accepted) return 'declined';
  return 'accepted';
}

export async function agencyCases(
  context: AppContext,
  actor: SignedIn,
  organisationId: string,
): Promise<AgencyCase[]> {
  const { db } = context.database;
  await authorize(db, actor, 'conference.agency', {
    type: 'organisation',
    id: organisationId,
    organisationId,
  });
  const cases = await db
    .select({
      id: conferences.id,
      reference: conferences.reference,
      stage: conferences.stage,
      outcome: conferences.outcome,
    })
    .from(conferences)
    .where(
      and(eq(conferences.misconduct, true), eq(conferences.agencyOrganisationId, organisationId)),
    )
    .orderBy(desc(conferences.createdAt));
  const ids = cases.map((each) => each.id);
  const accepted =
    ids.length === 0
      ? []
      : await db
          .selectDistinct({ conferenceId: conferenceEvents.conferenceId })
          .from(conferenceEvents)
          .where(
            and(inArray(conferenceEvents.conferenceId, ids), eq(conferenceEvents.type, 'accepted')),
          );
  const items =
    ids.length === 0
      ? []
      : await db
          .select({
            id: conferenceItems.id,
            conferenceId: conferenceItems.conferenceId,
            kind: conferenceItems.kind,
            dueOn: conferenceItems.dueOn,
            status: conferenceItems.status,
            responsibleOrganisationId: conferenceItems.responsibleOrganisationId,
            descriptionSealed: conferenceItems.descriptionSealed,
          })
          .from(conferenceItems)
          .where(inArray(conferenceItems.conferenceId, ids));
  const wasAccepted = new Set(accepted.map((row) => row.conferenceId));
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId,
    action: 'conference.agency_read',
    targetType: 'organisation',
    targetId: organisationId,
    outcome: 'succeeded',
    details: { cases: cases.length },
  });
  return cases.map((each) => {
    const own = items.filter((item) => item.conferenceId === each.id);
    const owed = own.filter((item) => item.responsibleOrganisationId === organisationId);
    return {
      reference: each.reference,
      decision: decisionOf(
        each.stage as CaseStage,
        each.outcome as Outcome | null,
        wasAccepted.has(each.id),
      ),
      stage: each.stage as CaseStage,
      outcome: each.outcome as Outcome | null,
      owed: owed.map((item) => ({
        kind: item.kind as ItemKind,
        description: context.cipher.decrypt(
          item.descriptionSealed,
          itemDescriptionContext(item.id),
        ),
        dueOn: item.dueOn,
        status: item.status as ItemStatus,
      })),
      items: { total: own.length, done: own.filter((item) => item.status === 'done').length },
    };
  });
}
