import { type Actor, decide, type Target } from '../../../shared/permissions/decide.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/connection.ts';
import { ForbiddenError } from '../errors.ts';

/**
 * Services call this before they act, with the target as loaded from the database (never as
 * the request claims it). A refusal is written to the audit trail and answered 403; the message
 * does not say whether the record exists.
 */
export async function authorize(
  db: Database,
  actor: Actor,
  action: Action,
  target: Target & { type: string; id: string },
): Promise<void> {
  const decision = decide(actor, action, target);
  if (decision.allowed) return;
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: target.organisationId ?? null,
    action: 'permission.denied',
    targetType: target.type,
    targetId: target.id,
    outcome: 'denied',
    details: { attempted: action, reason: decision.reason },
  });
  throw new ForbiddenError('You do not have permission to do that.');
}
