import type { Role } from '../../../shared/permissions/roles.ts';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';

// Who is offered what, from shared/permissions/table.ts. The server decides every request (a
// 403 otherwise); these only keep links and forms from people who could never use them.

/** 'measurement.read': a program's surveys' figures and dashboards. */
export const readingRoles: readonly Role[] = [
  'org_admin',
  'coordinator',
  'facilitator',
  'oversight_reviewer',
];
/** 'measurement.manage': set up, change, close and print surveys. */
export const managingRoles: readonly Role[] = ['org_admin', 'coordinator'];
/** 'measurement.export': the CSV and the quarter's report. */
export const exportingRoles: readonly Role[] = ['org_admin', 'coordinator', 'oversight_reviewer'];

/** Whether any of the person's roles reads figures somewhere: the navigation's entry. */
export function readsMeasurement(roles: ProfileResponse['roles'] | undefined): boolean {
  return (roles ?? []).some((role) => readingRoles.includes(role.role));
}

/** 'measurement.publish': an organisation's admin turns its public page on or off. */
export function publishesFor(
  roles: ProfileResponse['roles'] | undefined,
  organisationId: string,
): boolean {
  return (roles ?? []).some(
    (role) =>
      role.role === 'org_admin' &&
      role.programId === null &&
      role.organisationId === organisationId,
  );
}
