import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, decide, type Membership, type Target } from './decide.ts';
import { isStaffRole, type Role, roles } from './roles.ts';
import { type Action, actions, permissionTable, scopeOf } from './table.ts';

const organisationIds = ['agency', 'community', 'board'] as const;
const programIds = ['youth-dialogues', 'traffic-stops'] as const;

const role = fc.constantFrom(...roles);
const action = fc.constantFrom(...actions);
const membership: fc.Arbitrary<Membership> = fc.record({
  organisationId: fc.constantFrom(...organisationIds),
  programId: fc.option(fc.constantFrom(...programIds), { nil: null }),
  role,
});
const actor: fc.Arbitrary<Actor> = fc.record({
  personId: fc.constantFrom('ana', 'ben', 'officer-cruz'),
  disabled: fc.boolean(),
  memberships: fc.array(membership, { maxLength: 4 }),
});
const target: fc.Arbitrary<Target> = fc.record(
  {
    organisationId: fc.constantFrom(...organisationIds),
    programId: fc.constantFrom(...programIds),
    programOrganisationIds: fc.subarray([...organisationIds]),
    personId: fc.constantFrom('ana', 'ben', 'officer-cruz'),
  },
  { requiredKeys: [] },
);

const selfActions = actions.filter((name) => roles.every((r) => scopeOf(name, r) === 'self'));

/**
 * What everyone in a program may read: the program, its commitments, the circles they are asked
 * to, and its dialogues, in which they may take part.
 */
const everyonesReads: Action[] = [
  'program.read',
  'commitment.read',
  'circle.read',
  'dialogue.read',
  'dialogue.take_part',
];

describe('who may do what', () => {
  it('refuses everything to a disabled person', () => {
    fc.assert(
      fc.property(actor, action, target, (someone, name, record) => {
        expect(decide({ ...someone, disabled: true }, name, record)).toEqual({
          allowed: false,
          reason: 'disabled',
        });
      }),
    );
  });

  it('never reaches into an organisation (or its programs) where the person holds no role', () => {
    fc.assert(
      fc.property(actor, action, target, (someone, name, record) => {
        const theirs = new Set(someone.memberships.map((m) => m.organisationId));
        const theirPrograms = new Set(someone.memberships.map((m) => m.programId));
        const foreign =
          (record.organisationId === undefined || !theirs.has(record.organisationId)) &&
          (record.programId === undefined || !theirPrograms.has(record.programId)) &&
          (record.programOrganisationIds ?? []).every((id) => !theirs.has(id));
        const aboutThemselves = record.personId === someone.personId;
        if (foreign && !aboutThemselves) expect(decide(someone, name, record).allowed).toBe(false);
      }),
    );
  });

  it('allows only what the table lists for one of the person’s roles', () => {
    fc.assert(
      fc.property(actor, action, target, (someone, name, record) => {
        const decision = decide(someone, name, record);
        if (decision.allowed) {
          expect(someone.memberships.some((m) => m.role === decision.role)).toBe(true);
          expect(scopeOf(name, decision.role)).toBeDefined();
        }
      }),
    );
  });

  it('gives residents, youth and guardians no staff action', () => {
    const staffOnly = actions.filter(
      (name) => !selfActions.includes(name) && !everyonesReads.includes(name),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('resident', 'youth', 'guardian'),
        fc.constantFrom(...staffOnly),
        target,
        (someRole, name, record) => {
          const someone: Actor = {
            personId: 'ana',
            disabled: false,
            memberships: organisationIds.map((organisationId) => ({
              organisationId,
              programId: null,
              role: someRole,
            })),
          };
          expect(decide(someone, name, record).allowed).toBe(false);
        },
      ),
    );
  });

  it('lets anyone act on their own profile and sessions, and on no one else’s', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...selfActions), (someone, name) => {
        fc.pre(someone.memberships.length > 0 && !someone.disabled);
        expect(decide(someone, name, { personId: someone.personId }).allowed).toBe(true);
        expect(decide(someone, name, { personId: `${someone.personId}-other` }).allowed).toBe(
          false,
        );
      }),
    );
  });

  it('lets a coordinator manage only their own organisation’s people in a program run together', () => {
    const coordinator: Actor = {
      personId: 'ben',
      disabled: false,
      memberships: [
        { organisationId: 'community', programId: 'traffic-stops', role: 'coordinator' },
      ],
    };
    const inProgram = {
      programId: 'traffic-stops',
      programOrganisationIds: ['community', 'agency'],
    };
    for (const name of ['person.list', 'membership.grant', 'invitation.create'] as const) {
      expect(decide(coordinator, name, { ...inProgram, organisationId: 'community' }).allowed).toBe(
        true,
      );
      expect(decide(coordinator, name, { ...inProgram, organisationId: 'agency' }).allowed).toBe(
        false,
      );
    }
    // The program itself is theirs to read and run, whoever leads it.
    expect(
      decide(coordinator, 'program.update', { ...inProgram, organisationId: 'agency' }),
    ).toEqual({ allowed: true, role: 'coordinator' });
  });

  it('reaches a program through its own role or through an organisation that runs it', () => {
    const coordinator: Actor = {
      personId: 'ben',
      disabled: false,
      memberships: [
        { organisationId: 'community', programId: 'traffic-stops', role: 'coordinator' },
      ],
    };
    const admin: Actor = {
      personId: 'ana',
      disabled: false,
      memberships: [{ organisationId: 'agency', programId: null, role: 'org_admin' }],
    };
    const trafficStops = {
      programId: 'traffic-stops',
      programOrganisationIds: ['agency', 'community'],
    };
    expect(decide(coordinator, 'program.update', trafficStops).allowed).toBe(true);
    expect(
      decide(coordinator, 'program.update', { ...trafficStops, programId: 'youth-dialogues' }),
    ).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(decide(admin, 'program.update', trafficStops).allowed).toBe(true);
    expect(
      decide(admin, 'program.update', { ...trafficStops, programOrganisationIds: ['community'] })
        .allowed,
    ).toBe(false);
  });

  it('lets only an organisation admin verify officers, in their own organisation', () => {
    const rolesThatVerify = roles.filter((r) => scopeOf('officer.verify', r) !== undefined);
    expect(rolesThatVerify).toEqual(['org_admin']);
  });

  it('keeps staff-only actions away from roles that are not staff', () => {
    for (const name of Object.keys(permissionTable) as Action[]) {
      for (const r of roles) {
        const scope = scopeOf(name, r);
        if (scope && scope !== 'self' && !isStaffRole(r)) expect(everyonesReads).toContain(name);
      }
    }
  });
});
