import type { Role } from './roles.ts';
import { type Action, scopeOf } from './table.ts';

export interface Membership {
  organisationId: string;
  /** Null for a role held at the level of the whole organisation. */
  programId: string | null;
  role: Role;
}

export interface Actor {
  personId: string;
  disabled: boolean;
  memberships: readonly Membership[];
}

/** What an action is about; services load it from the record, never from the request. */
export interface Target {
  /** The organisation that owns the record. */
  organisationId?: string;
  programId?: string;
  /** Every organisation that runs the target's program together. */
  programOrganisationIds?: readonly string[];
  /** The person the record belongs to, for actions on one's own profile and sessions. */
  personId?: string;
}

export type Decision =
  | { allowed: true; role: Role }
  | { allowed: false; reason: 'disabled' | 'no_role' | 'out_of_scope' };

function reaches(membership: Membership, scope: string, actor: Actor, target: Target): boolean {
  switch (scope) {
    case 'self':
      return target.personId !== undefined && target.personId === actor.personId;
    case 'organisation':
      return (
        membership.programId === null &&
        target.organisationId !== undefined &&
        membership.organisationId === target.organisationId
      );
    case 'program-people':
      if (membership.organisationId !== target.organisationId) return false;
      return reaches(membership, 'program', actor, target);
    case 'program':
      if (target.programId === undefined) return false;
      if (membership.programId !== null) return membership.programId === target.programId;
      return (target.programOrganisationIds ?? []).includes(membership.organisationId);
    default:
      return false;
  }
}

/** Whether `actor` may do `action` on `target`, by the permission table; pure. */
export function decide(actor: Actor, action: Action, target: Target): Decision {
  if (actor.disabled) return { allowed: false, reason: 'disabled' };
  let holdsARole = false;
  for (const membership of actor.memberships) {
    const scope = scopeOf(action, membership.role);
    if (!scope) continue;
    holdsARole = true;
    if (reaches(membership, scope, actor, target)) return { allowed: true, role: membership.role };
  }
  return { allowed: false, reason: holdsARole ? 'out_of_scope' : 'no_role' };
}
