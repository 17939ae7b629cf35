import type { Role } from '../../../shared/permissions/roles.ts';

// Who is offered what, from shared/permissions/table.ts. The server decides every request (a
// 403 otherwise); this only keeps forms from people who could never use them.

/** 'youth.configure' and 'youth.manage': the settings, adding young people, their links. */
export const youthManagingRoles: readonly Role[] = ['org_admin', 'coordinator'];
/** 'youth.report': the program in counts, small groups hidden. */
export const youthReportingRoles: readonly Role[] = [
  'org_admin',
  'coordinator',
  'oversight_reviewer',
];
