// Who someone is in an organisation or a program. One person may hold several roles, each in
// one organisation, or in one program of it.
export const roles = [
  'org_admin',
  'coordinator',
  'facilitator',
  'officer',
  'oversight_reviewer',
  /** An agency's professional standards (internal affairs): the conference firewall keeps them out. */
  'professional_standards',
  'resident',
  'youth',
  'guardian',
] as const;
export type Role = (typeof roles)[number];

export type StaffRole = Exclude<Role, 'resident' | 'youth' | 'guardian'>;

/** Staff sign in with a password and a second factor; the others join by link. */
export const staffRoles: ReadonlySet<Role> = new Set<StaffRole>([
  'org_admin',
  'coordinator',
  'facilitator',
  'officer',
  'oversight_reviewer',
  'professional_standards',
]);

export const isStaffRole = (role: Role): role is StaffRole => staffRoles.has(role);
