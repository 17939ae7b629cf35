import type { Role } from '../../../shared/permissions/roles.ts';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { holdsIn } from '../conferences/roles.ts';

/** 'dialogue.create' (shared/permissions/table.ts): who is offered "New dialogue" and the import. */
const creatingRoles: readonly Role[] = ['org_admin', 'coordinator', 'facilitator'];

/**
 * Whether to offer a new dialogue in a program. The server decides every request (a 403
 * otherwise); this only keeps the offer from people who could never use it.
 */
export function mayCreateIn(
  roles: ProfileResponse['roles'] | undefined,
  programId: string,
  organisationIds: readonly string[],
): boolean {
  return holdsIn(roles, creatingRoles, programId, organisationIds);
}
