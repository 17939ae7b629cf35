import { and, eq, exists, inArray, isNull } from 'drizzle-orm';
import type { OverdueItem } from '../../../shared/conferences/contract.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { organisations } from '../organisations/schema.ts';
import { findProgram } from '../organisations/service.ts';
import { isFirewalled } from './access.ts';
import { isOverdue, paidByItem, partyNameContext, programToday } from './items-read.ts';
import { behindSince, scheduleOf } from './restitution.ts';
import {
  conferenceInstalments,
  conferenceItems,
  conferenceParties,
  conferences,
  conferenceTeam,
} from './schema.ts';

// GET /api/programs/:programId/conference-overdue: the open items of confirmed agreements
// whose day has passed (or whose restitution fell behind its schedule), in the program's time
// zone; a coordinator sees every case of the program, a facilitator the cases they are on.
// The firewall keeps out the cases of an agency in which the reader holds a disciplinary role.

export async function overdueItems(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<OverdueItem[]> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  const target = programTarget(programId, program);
  await authorize(db, actor, 'conference.facilitate', target);
  if (!program) throw new NotFoundError('There is no such program.');
  const seesEveryCase = decide(actor, 'conference.coordinate', target).allowed;
  const onTeam = exists(
    db
      .select({ id: conferenceTeam.id })
      .from(conferenceTeam)
      .where(
        and(
          eq(conferenceTeam.conferenceId, conferences.id),
          eq(conferenceTeam.personId, actor.personId),
          isNull(conferenceTeam.removedAt),
        ),
      ),
  );
  const rows = await db
    .select({
      item: conferenceItems,
      conference: conferences,
      partyName: conferenceParties.nameSealed,
      organisationName: organisations.name,
    })
    .from(conferenceItems)
    .innerJoin(conferences, eq(conferences.id, conferenceItems.conferenceId))
    .leftJoin(conferenceParties, eq(conferenceParties.id, conferenceItems.responsiblePartyId))
    .leftJoin(organisations, eq(organisations.id, conferenceItems.responsibleOrganisationId))
    .where(
      and(
        eq(conferences.programId, programId),
        eq(conferences.stage, 'monitoring'),
        eq(conferenceItems.status, 'open'),
        seesEveryCase ? undefined : onTeam,
      ),
    );
  const reachable = rows.filter(({ conference }) => !isFirewalled(actor, conference));
  const restitutionIds = reachable.flatMap(({ item }) =>
    item.amountCents === null ? [] : item.id,
  );
  const instalments =
    restitutionIds.length === 0
      ? []
      : await db
          .select()
          .from(conferenceInstalments)
          .where(inArray(conferenceInstalments.itemId, restitutionIds));
  const paid = await paidByItem(db, restitutionIds);
  const today = await programToday(db, programId);
  const overdue = reachable.flatMap(({ item, conference, partyName, organisationName }) => {
    const schedule = instalments.filter((instalment) => instalment.itemId === item.id);
    const paidCents = paid.get(item.id) ?? 0;
    if (!isOverdue(item, schedule, paidCents, today)) return [];
    const behind =
      item.amountCents === null
        ? null
        : behindSince(scheduleOf(item.amountCents, schedule, item.dueOn), paidCents, today);
    return [
      {
        conferenceId: conference.id,
        reference: conference.reference,
        itemId: item.id,
        kind: item.kind as ItemKind,
        dueOn: behind ?? item.dueOn,
        responsibleName:
          partyName !== null && item.responsiblePartyId !== null
            ? context.cipher.decrypt(partyName, partyNameContext(item.responsiblePartyId))
            : (organisationName ?? ''),
      },
    ];
  });
  // The list names parties: reading it is a read of case material.
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program.leadOrganisationId,
    action: 'conference.overdue_read',
    targetType: 'program',
    targetId: programId,
    outcome: 'succeeded',
    details: { items: overdue.length },
  });
  return overdue.sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference),
  );
}
