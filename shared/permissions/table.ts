import type { Role } from './roles.ts';

/**
 * Where a role's permission reaches:
 * - organisation: the role held at the level of the organisation that owns the target;
 * - program: the role held in the target's program, or at the level of an organisation that
 *   runs that program;
 * - program-people: as program, and only for the people and invitations of the actor's own
 *   organisation: a program run together does not let one partner manage the other's people;
 * - self: the target is the person acting.
 */
export type Scope = 'organisation' | 'program' | 'program-people' | 'self';

const everyone = {
  org_admin: 'self',
  coordinator: 'self',
  facilitator: 'self',
  officer: 'self',
  oversight_reviewer: 'self',
  professional_standards: 'self',
  resident: 'self',
  youth: 'self',
  guardian: 'self',
} as const satisfies Record<Role, Scope>;

// The one table of who may do what. Services ask `decide` (decide.ts) before acting; a role that
// is not listed for an action is refused. Tests walk every route against this table.
export const permissionTable = {
  'organisation.read': {
    org_admin: 'organisation',
    coordinator: 'organisation',
    facilitator: 'organisation',
    officer: 'organisation',
    oversight_reviewer: 'organisation',
  },
  'organisation.update': { org_admin: 'organisation' },
  /** Names and kinds of every organisation here, to choose program partners from. */
  'organisation.directory': { org_admin: 'organisation' },
  'organisation.add_partner': { org_admin: 'organisation' },
  'program.create': { org_admin: 'organisation' },
  'program.read': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    officer: 'program',
    oversight_reviewer: 'program',
    resident: 'program',
    youth: 'program',
    guardian: 'program',
  },
  'program.update': { org_admin: 'program', coordinator: 'program' },
  'person.list': { org_admin: 'organisation', coordinator: 'program-people' },
  'person.disable': { org_admin: 'organisation' },
  /** For a staff member who lost their authenticator and backup codes: they set it up again. */
  'person.reset_second_factor': { org_admin: 'organisation' },
  'membership.grant': { org_admin: 'organisation', coordinator: 'program-people' },
  'membership.revoke': { org_admin: 'organisation', coordinator: 'program-people' },
  'officer.verify': { org_admin: 'organisation' },
  'invitation.create': { org_admin: 'organisation', coordinator: 'program-people' },
  'invitation.list': { org_admin: 'organisation', coordinator: 'program-people' },
  'invitation.revoke': { org_admin: 'organisation', coordinator: 'program-people' },
  'audit.read': { org_admin: 'organisation' },
  /** A program's commitments; which of them each person sees also follows their visibility. */
  'commitment.read': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    officer: 'program',
    oversight_reviewer: 'program',
    resident: 'program',
    youth: 'program',
    guardian: 'program',
  },
  'commitment.create': { org_admin: 'program', coordinator: 'program', facilitator: 'program' },
  /** See case-team commitments, move due days; the owner reports progress without it. */
  'commitment.manage': { org_admin: 'program', coordinator: 'program' },
  'commitment.verify': { org_admin: 'program', coordinator: 'program' },
  'commitment.export': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    oversight_reviewer: 'program',
  },
  /** Plan a circle or a series in a program; the planner manages it with its keepers. */
  'circle.create': { org_admin: 'program', coordinator: 'program', facilitator: 'program' },
  /** See a program's circles; residents see only the circles they were invited to or joined. */
  'circle.read': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    officer: 'program',
    oversight_reviewer: 'program',
    resident: 'program',
    youth: 'program',
    guardian: 'program',
  },
  /** Change, cancel, invite to and harvest any circle of the program, not only one's own. */
  'circle.manage': { org_admin: 'program', coordinator: 'program' },
  /** Equal-voice figures of a program's circles: turns and time by group, never words. */
  'circle.report': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    oversight_reviewer: 'program',
  },
  /** A program's conference settings, eligibility rules and referral link. */
  'conference.configure': { org_admin: 'program', coordinator: 'program' },
  /** See the program's case board, screen referrals and build case teams: the case team's lead. */
  'conference.coordinate': { coordinator: 'program' },
  /** Be assigned to a case team; a facilitator sees only the cases they are assigned to. */
  'conference.facilitate': { coordinator: 'program', facilitator: 'program' },
  /** Sign off the screening and closure of misconduct cases, never reading statements. */
  'conference.oversee': { oversight_reviewer: 'program' },
  /** The agency's view of misconduct cases: decisions, items it owes, completion; no words. */
  'conference.agency': { org_admin: 'organisation', professional_standards: 'organisation' },
  /** De-identified outcomes for evaluation. */
  'conference.export': { coordinator: 'program', oversight_reviewer: 'program' },
  /** Open a guided dialogue in a program; its creator moderates it and reads its report. */
  'dialogue.create': { org_admin: 'program', coordinator: 'program', facilitator: 'program' },
  /** See a program's dialogues and take part in its invited ones; public ones are open to all. */
  'dialogue.take_part': {
    coordinator: 'program',
    facilitator: 'program',
    officer: 'program',
    resident: 'program',
    youth: 'program',
    guardian: 'program',
  },
  /**
   * See a program's dialogues (the list, a dialogue's page): whoever takes part in, reports on or
   * manages them. One word for the union, so that reading asks the table one question.
   */
  'dialogue.read': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    officer: 'program',
    oversight_reviewer: 'program',
    resident: 'program',
    youth: 'program',
    guardian: 'program',
  },
  /**
   * Respond to a dialogue's statements for the police: an officer of an agency that runs the
   * program (and, the service adds, verified and taking part in the dialogue).
   */
  'dialogue.respond': { officer: 'program' },
  /** Moderate, change, close, synthesise and publish any dialogue of the program. */
  'dialogue.manage': { org_admin: 'program', coordinator: 'program' },
  /** A dialogue's results: votes by role and opinion group, never who voted how. */
  'dialogue.report': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    oversight_reviewer: 'program',
  },
  /** Set up, change, close and print a program's surveys. */
  'measurement.manage': { org_admin: 'program', coordinator: 'program' },
  /** A program's survey figures and dashboards: aggregates only, small groups hidden. */
  'measurement.read': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    oversight_reviewer: 'program',
  },
  /** The same figures as CSV and the quarter's printable report. */
  'measurement.export': {
    org_admin: 'program',
    coordinator: 'program',
    oversight_reviewer: 'program',
  },
  /** Whether the organisation's aggregate figures are on a public page. */
  'measurement.publish': { org_admin: 'organisation' },
  /** Author, version, import and export a program's courses. */
  'training.manage': { org_admin: 'program', coordinator: 'program' },
  /** Read a program's courses as they are authored. */
  'training.read': {
    org_admin: 'program',
    coordinator: 'program',
    facilitator: 'program',
    oversight_reviewer: 'program',
  },
  /**
   * Who of the learners completed a course, by cohort and unit, and their choices in aggregate;
   * never what a learner wrote. An oversight board checks that training was done.
   */
  'training.report': {
    org_admin: 'program',
    coordinator: 'program',
    oversight_reviewer: 'program',
  },
  /** Make a program a youth program: its age range, safeguarding lead and meeting rules. */
  'youth.configure': { org_admin: 'program', coordinator: 'program' },
  /** Add young people, hand them their link, and ask their guardians for consent. */
  'youth.manage': { org_admin: 'program', coordinator: 'program' },
  /** The program's young people by display name, age band and whether they may take part. */
  'youth.read': { org_admin: 'program', coordinator: 'program', facilitator: 'program' },
  /** A youth program's report: counts only, small groups hidden; an oversight board reads it. */
  'youth.report': { org_admin: 'program', coordinator: 'program', oversight_reviewer: 'program' },
  'profile.read': everyone,
  'profile.update': everyone,
  'session.list': everyone,
  'session.end': everyone,
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof permissionTable;
export const actions = Object.keys(permissionTable) as Action[];

export function scopeOf(action: Action, role: Role): Scope | undefined {
  return (permissionTable[action] as Partial<Record<Role, Scope>>)[role];
}
