import type { Role } from '../../../shared/permissions/roles.ts';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';

/**
 * Whether the person holds one of `roles` in a program: in the program itself, or across an
 * organisation that runs it. The server decides every request; this only keeps links and
 * forms from people who could never use them (shared/permissions/table.ts).
 */
export function holdsIn(
  held: ProfileResponse['roles'] | undefined,
  roles: readonly Role[],
  programId: string,
  organisationIds: readonly string[],
): boolean {
  return (held ?? []).some(
    (role) =>
      roles.includes(role.role) &&
      (role.programId === programId ||
        (role.programId === null && organisationIds.includes(role.organisationId))),
  );
}

/** 'conference.configure': the program's settings, rules and referral link. */
export const configuringRoles: readonly Role[] = ['org_admin', 'coordinator'];
/** 'conference.export': the de-identified outcomes. */
export const exportingRoles: readonly Role[] = ['coordinator', 'oversight_reviewer'];
