import type { ProfileResponse } from '../../../shared/profile/contract.ts';

/** The roles that may plan a circle (shared/permissions/table.ts, 'circle.create'). */
const planningRoles: ReadonlySet<string> = new Set(['org_admin', 'coordinator', 'facilitator']);

/**
 * Whether to offer "Plan a circle" in a program: a planning role in it, or one that spans an
 * organisation. The server decides; this only keeps the offer from people who could never use it.
 */
export function mayPlanIn(
  roles: ProfileResponse['roles'] | undefined,
  programId: string,
  organisationIds: readonly string[],
): boolean {
  return (roles ?? []).some(
    (role) =>
      planningRoles.has(role.role) &&
      (role.programId === programId ||
        (role.programId === null && organisationIds.includes(role.organisationId))),
  );
}
