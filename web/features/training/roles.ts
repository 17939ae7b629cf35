import type { Role } from '../../../shared/permissions/roles.ts';

// Who is offered what, from shared/permissions/table.ts. The server decides every request (a
// 403 otherwise); this only keeps forms from people who could never use them.

/** 'training.manage': add, import, change and export a program's courses. */
export const managingRoles: readonly Role[] = ['org_admin', 'coordinator'];
/** 'training.report': who completed a course, and what learners chose, in aggregate. */
export const reportingRoles: readonly Role[] = ['org_admin', 'coordinator', 'oversight_reviewer'];
