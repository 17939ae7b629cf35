import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { invitationList } from '../../../shared/invitations/contract.ts';
import { peopleList } from '../../../shared/organisations/contract.ts';
import { type Actor, decide, type Target } from '../../../shared/permissions/decide.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import { programsRunBy } from '../../features/organisations/service.ts';
import { authSessions, people } from '../../platform/auth/schema.ts';
import { circleRouteChecks } from './circle-routes.ts';
import { conferenceAgreementRouteChecks } from './conference-agreement-routes.ts';
import { conferenceIntakeRouteChecks } from './conference-intake-routes.ts';
import { conferencePartyRouteChecks } from './conference-party-routes.ts';
import { dialogueResultRouteChecks } from './dialogue-result-routes.ts';
import { dialogueRouteChecks } from './dialogue-routes.ts';
import { measurementDashboardRouteChecks } from './measurement-dashboard-routes.ts';
import { measurementSurveyRouteChecks } from './measurement-survey-routes.ts';
import { trainingRouteChecks } from './training-routes.ts';
import {
  addCommitment,
  addInvitation,
  addPerson,
  type MatrixActor,
  organisationOf,
  type Side,
  sides,
  storedProgramTarget,
  type World,
} from './world.ts';
import { youthConcernRouteChecks } from './youth-concern-routes.ts';
import { youthEventRouteChecks } from './youth-event-routes.ts';
import { youthReportRouteChecks } from './youth-report-routes.ts';
import { youthRouteChecks } from './youth-routes.ts';

// How every route of the API is checked: the authorisation matrix (authz-matrix.test.ts) walks
// this registry and fails for a route of the OpenAPI document that is not in it. A new route is
// classified here when it is written; see docs/decisions/012-authorization-matrix.md.

export interface MatrixRequest {
  /** The route's path with its parameters filled in, and any query. */
  url: string;
  payload?: object | string;
  headers?: Record<string, string>;
}

/** What the permission table is asked: one target, or any of several (a filtered list). */
export type Expected = { target: Target } | { anyOf: Target[] };

export interface AimedRequest extends MatrixRequest {
  expected: Expected;
  /** For a list: what it showed that the table would not let this actor see. */
  shownBeyondReach?(actor: Actor, body: string): Promise<string[]>;
}

export type RouteCheck =
  /** Anyone, signed in or not, gets this answer: no sign-in is asked for. */
  | { kind: 'public'; answers: number; request(world: World): MatrixRequest }
  /** A developer's page, answered only to a browser on the server's own machine. */
  | { kind: 'development'; request(world: World): MatrixRequest }
  /**
   * A signed-in person acting on their own account; `action` is the table's word for it, where
   * the service asks the table. `otherPersons` aims at someone else's record instead, which must
   * not be found (404): no one learns that it exists. Staff who have not set up their second
   * factor yet are refused (403) unless `evenBeforeSecondFactor`.
   */
  | {
      kind: 'self';
      action?: Action;
      answers: number;
      evenBeforeSecondFactor: boolean;
      request(world: World, actor: MatrixActor): Promise<MatrixRequest> | MatrixRequest;
      otherPersons?(world: World): Promise<MatrixRequest>;
    }
  /**
   * Decided by the permission table on a record of the own, the partner or the other
   * organisation; a refusal is 403, and so is any request of staff without a second factor.
   */
  | {
      kind: 'table';
      action: Action;
      answers: number;
      /**
       * A record whose existence is itself confidential (a conference case): whoever the table
       * refuses finds no such record (404) rather than a 403 that would say it exists.
       */
      refusedAs?: 404;
      request(world: World, side: Side): Promise<AimedRequest>;
    }
  /**
   * A conference case (docs/decisions/023), aimed at a case of the side's program with the
   * actor on its team: the table's action on the program decides, and a refusal is 404, since
   * that a case exists is itself confidential. Staff without a second factor are refused (403)
   * before that.
   */
  | {
      kind: 'case';
      action: Action;
      answers: number;
      request(world: World, side: Side, actor: MatrixActor): Promise<AimedRequest>;
    }
  /**
   * For the one person a record names, whatever the table says of their role, and only while
   * the table lets them `action` there: a youth program's safeguarding lead. Aimed at a record
   * of the side's program, with `name` naming the actor just before the request (allowed as the
   * table says, else 403), and naming someone else (403 to everyone, its administrators
   * included). Staff without a second factor are refused (403) before that.
   */
  | {
      kind: 'named';
      action: Action;
      answers: number;
      name(world: World, side: Side, personId: string): Promise<void>;
      request(world: World, side: Side): Promise<AimedRequest>;
    };

export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

const organisationTarget = (organisationId: string): Expected => ({
  target: { organisationId },
});

/** The target of a record of the organisation, in one of its programs or in none. */
async function inOrganisation(
  world: World,
  organisationId: string,
  programId: string | null,
): Promise<Target> {
  return programId === null
    ? { organisationId }
    : { ...(await storedProgramTarget(world.test, programId)), organisationId };
}

/**
 * A list filtered to what the actor may see: allowed when the table lets them see the records of
 * the whole organisation, or its records in any one program it runs.
 */
async function organisationOrAnyProgram(world: World, organisationId: string): Promise<Expected> {
  const runBy = await programsRunBy(world.test.context.database.db, organisationId);
  const programTargets = await Promise.all(
    runBy.map((program) => inOrganisation(world, organisationId, program.id)),
  );
  return { anyOf: [{ organisationId }, ...programTargets] };
}

/** A record about a person in one program of the organisation: the program's runners reach it. */
async function personInProgram(world: World, side: Side): Promise<Expected> {
  const { organisationId, programId } = organisationOf(world, side);
  return { target: await inOrganisation(world, organisationId, programId) };
}

/** Another session of the person, as a second device signed in would hold it. */
async function sessionOf(world: World, personId: string): Promise<string> {
  const id = crypto.randomUUID();
  await world.test.context.database.db.insert(authSessions).values({
    id,
    token: randomBytes(32).toString('base64url'),
    userId: personId,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return id;
}

const token = (world: World, address: string) =>
  world.test.context.emailPreferences.tokenFor(address);
const unknownLinkToken = 'a'.repeat(43);
const fresh = () => crypto.randomUUID().slice(0, 8);

export const routeChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/about': { kind: 'public', answers: 200, request: () => ({ url: '/api/about' }) },
  'GET /api/setup/status': {
    kind: 'public',
    answers: 200,
    request: () => ({ url: `/api/setup/status?token=${unknownLinkToken}` }),
  },
  // Once an organisation exists, setup links are spent: a 400 on the token, to anyone.
  'POST /api/setup': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/setup',
      payload: {
        token: unknownLinkToken,
        organisation: { name: 'Westside Police', kind: 'police_agency' },
        admin: { name: 'Ada', email: `ada-${fresh()}@example.org`, password: 'a long passphrase' },
      },
    }),
  },
  'POST /api/setup/password': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/setup/password',
      payload: { token: unknownLinkToken, password: 'a long passphrase' },
    }),
  },
  'GET /api/invitations/preview': {
    kind: 'public',
    answers: 200,
    request: (world) => ({ url: `/api/invitations/preview?token=${world.openInvitationToken}` }),
  },
  // A real token would give the actor a role and change what they may do in the next requests;
  // an unknown one is a 400 on the token, to anyone.
  'POST /api/me/address/confirm': {
    kind: 'public',
    answers: 400,
    request: () => ({ url: '/api/me/address/confirm', payload: { token: unknownLinkToken } }),
  },
  'POST /api/invitations/accept': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/invitations/accept',
      payload: { token: unknownLinkToken, name: 'Sam' },
    }),
  },
  'GET /api/preferences/email': {
    kind: 'public',
    answers: 200,
    request: (world) => ({
      url: `/api/preferences/email?token=${token(world, 'reader@example.org')}`,
    }),
  },
  'PUT /api/preferences/email': {
    kind: 'public',
    answers: 200,
    request: (world) => ({
      url: `/api/preferences/email?token=${token(world, 'reader@example.org')}`,
      payload: { frequency: 'daily' },
    }),
  },
  'POST /preferences/email': {
    kind: 'public',
    answers: 204,
    request: (world) => ({
      url: `/preferences/email?token=${token(world, 'reader@example.org')}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  },

  'GET /api/dev/outbox': { kind: 'development', request: () => ({ url: '/api/dev/outbox' }) },
  'GET /api/dev/outbox/{id}': {
    kind: 'development',
    request: () => ({ url: '/api/dev/outbox/1' }),
  },

  'GET /api/me': {
    kind: 'self',
    evenBeforeSecondFactor: true,
    action: 'profile.read',
    answers: 200,
    request: () => ({ url: '/api/me' }),
  },
  'PATCH /api/me': {
    kind: 'self',
    evenBeforeSecondFactor: true,
    action: 'profile.update',
    answers: 200,
    request: () => ({ url: '/api/me', payload: { language: 'en' } }),
  },
  'POST /api/me/email': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    action: 'profile.update',
    answers: 200,
    request: (_world, actor) => ({
      url: '/api/me/email',
      payload: { email: `moved-${fresh()}@example.org`, password: actor.password ?? 'none' },
    }),
  },
  // Everyone in the matrix has an address already: giving one is for those who joined by link.
  'POST /api/me/address': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    action: 'profile.update',
    answers: 409,
    request: () => ({ url: '/api/me/address', payload: { email: `given-${fresh()}@example.org` } }),
  },
  'POST /api/me/reauthenticate': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 204,
    request: (_world, actor) => ({
      url: '/api/me/reauthenticate',
      payload: { password: actor.password ?? 'none' },
    }),
  },
  'GET /api/me/sessions': {
    kind: 'self',
    evenBeforeSecondFactor: true,
    action: 'session.list',
    answers: 200,
    request: () => ({ url: '/api/me/sessions' }),
  },
  // Another session of the person's own: ending the one in use would sign the actor out.
  'DELETE /api/me/sessions/{sessionId}': {
    kind: 'self',
    evenBeforeSecondFactor: true,
    action: 'session.end',
    answers: 204,
    request: async (world, actor) => ({
      url: `/api/me/sessions/${await sessionOf(world, actor.personId ?? world.bystanderId)}`,
    }),
    otherPersons: async (world) => ({
      url: `/api/me/sessions/${await sessionOf(world, world.bystanderId)}`,
    }),
  },
  'GET /api/me/email-preferences': {
    kind: 'self',
    evenBeforeSecondFactor: true,
    answers: 200,
    request: () => ({ url: '/api/me/email-preferences' }),
  },
  'PUT /api/me/email-preferences': {
    kind: 'self',
    evenBeforeSecondFactor: true,
    answers: 200,
    request: () => ({ url: '/api/me/email-preferences', payload: { frequency: 'daily' } }),
  },

  'GET /api/organisations/{organisationId}': {
    kind: 'table',
    action: 'organisation.read',
    answers: 200,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}`,
        expected: organisationTarget(organisationId),
      };
    },
  },
  'POST /api/organisations/{organisationId}/programs': {
    kind: 'table',
    action: 'program.create',
    answers: 201,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}/programs`,
        payload: { name: `Circles ${fresh()}` },
        expected: organisationTarget(organisationId),
      };
    },
  },
  'GET /api/programs/{programId}': {
    kind: 'table',
    action: 'program.read',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'PATCH /api/programs/{programId}': {
    kind: 'table',
    action: 'program.update',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}`,
        payload: { description: `Revised ${fresh()}` },
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'POST /api/programs/{programId}/partners': {
    kind: 'table',
    action: 'organisation.add_partner',
    answers: 201,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/partners`,
        payload: { name: `Partner ${fresh()}`, kind: 'community_organisation' },
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/organisations/{organisationId}/people': {
    kind: 'table',
    action: 'person.list',
    answers: 200,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}/people`,
        expected: await organisationOrAnyProgram(world, organisationId),
        async shownBeyondReach(actor, body) {
          const shown: string[] = [];
          for (const person of peopleList.parse(JSON.parse(body)).people) {
            for (const role of person.roles) {
              const target = await inOrganisation(world, organisationId, role.programId);
              if (!decide(actor, 'person.list', target).allowed) {
                shown.push(`${person.name}'s role ${role.role} in ${role.programName ?? 'all'}`);
              }
            }
          }
          return shown;
        },
      };
    },
  },
  'POST /api/organisations/{organisationId}/people/{personId}/roles': {
    kind: 'table',
    action: 'membership.grant',
    answers: 201,
    request: async (world, side) => {
      const { organisationId, programId } = organisationOf(world, side);
      const { personId } = await addPerson(world.test, { organisationId, role: 'resident' });
      return {
        url: `/api/organisations/${organisationId}/people/${personId}/roles`,
        payload: { role: 'facilitator', programId },
        expected: await personInProgram(world, side),
      };
    },
  },
  'DELETE /api/organisations/{organisationId}/people/{personId}/roles/{membershipId}': {
    kind: 'table',
    action: 'membership.revoke',
    answers: 204,
    request: async (world, side) => {
      const { organisationId, programId } = organisationOf(world, side);
      const { personId, membershipId } = await addPerson(world.test, {
        organisationId,
        programId,
        role: 'facilitator',
      });
      return {
        url: `/api/organisations/${organisationId}/people/${personId}/roles/${membershipId}`,
        expected: await personInProgram(world, side),
      };
    },
  },
  'POST /api/organisations/{organisationId}/people/{personId}/verify-officer': {
    kind: 'table',
    action: 'officer.verify',
    answers: 204,
    // Only an agency has officers: elsewhere the person is a resident, and the request is
    // refused before that matters.
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      const role = side === 'own' ? 'officer' : 'resident';
      const { personId } = await addPerson(world.test, { organisationId, role });
      return {
        url: `/api/organisations/${organisationId}/people/${personId}/verify-officer`,
        expected: organisationTarget(organisationId),
      };
    },
  },
  'POST /api/organisations/{organisationId}/people/{personId}/disable': {
    kind: 'table',
    action: 'person.disable',
    answers: 204,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      const { personId } = await addPerson(world.test, { organisationId, role: 'facilitator' });
      return {
        url: `/api/organisations/${organisationId}/people/${personId}/disable`,
        expected: organisationTarget(organisationId),
      };
    },
  },
  'POST /api/organisations/{organisationId}/people/{personId}/reset-second-factor': {
    kind: 'table',
    action: 'person.reset_second_factor',
    answers: 204,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      const { personId } = await addPerson(world.test, { organisationId, role: 'facilitator' });
      return {
        url: `/api/organisations/${organisationId}/people/${personId}/reset-second-factor`,
        expected: organisationTarget(organisationId),
      };
    },
  },
  'POST /api/organisations/{organisationId}/people/{personId}/enable': {
    kind: 'table',
    action: 'person.disable',
    answers: 204,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      const { personId } = await addPerson(world.test, { organisationId, role: 'facilitator' });
      await world.test.context.database.db
        .update(people)
        .set({ disabledAt: new Date() })
        .where(eq(people.id, personId));
      return {
        url: `/api/organisations/${organisationId}/people/${personId}/enable`,
        expected: organisationTarget(organisationId),
      };
    },
  },
  // The directory is the same for every side: an admin of any organisation may read it.
  'GET /api/organisations': {
    kind: 'table',
    action: 'organisation.directory',
    answers: 200,
    request: async (world) => ({
      url: '/api/organisations',
      expected: {
        anyOf: sides.map((side) => ({
          organisationId: organisationOf(world, side).organisationId,
        })),
      },
    }),
  },
  'POST /api/organisations/{organisationId}/invitations': {
    kind: 'table',
    action: 'invitation.create',
    answers: 201,
    request: async (world, side) => {
      const { organisationId, programId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}/invitations`,
        payload: {
          delivery: 'email',
          email: `invited-${fresh()}@example.org`,
          role: 'facilitator',
          programId,
        },
        expected: await personInProgram(world, side),
      };
    },
  },
  'GET /api/organisations/{organisationId}/invitations': {
    kind: 'table',
    action: 'invitation.list',
    answers: 200,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}/invitations`,
        expected: await organisationOrAnyProgram(world, organisationId),
        async shownBeyondReach(actor, body) {
          const shown: string[] = [];
          for (const invitation of invitationList.parse(JSON.parse(body)).invitations) {
            const target = await inOrganisation(world, organisationId, invitation.programId);
            if (!decide(actor, 'invitation.list', target).allowed) {
              shown.push(`the invitation of ${invitation.email ?? 'a link'}`);
            }
          }
          return shown;
        },
      };
    },
  },
  'POST /api/invitations/{invitationId}/revoke': {
    kind: 'table',
    action: 'invitation.revoke',
    answers: 200,
    request: async (world, side) => {
      const organisation = organisationOf(world, side);
      const invitation = await addInvitation(world.test, organisation, organisation.programId);
      return {
        url: `/api/invitations/${invitation.id}/revoke`,
        expected: await personInProgram(world, side),
      };
    },
  },

  'GET /api/programs/{programId}/commitments': {
    kind: 'table',
    action: 'commitment.read',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/commitments`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'POST /api/programs/{programId}/commitments': {
    kind: 'table',
    action: 'commitment.create',
    answers: 201,
    request: async (world, side) => {
      const { programId, organisationId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/commitments`,
        payload: {
          title: `Publish the stop data ${fresh()}`,
          source: 'manual',
          owner: { kind: 'organisation', organisationId, unit: '' },
          dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          visibility: 'program',
        },
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/programs/{programId}/commitment-owners': {
    kind: 'table',
    action: 'commitment.create',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/commitment-owners`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/programs/{programId}/commitments/export': {
    kind: 'table',
    action: 'commitment.export',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/commitments/export`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/commitments/mine': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/commitments/mine' }),
  },
  'GET /api/commitments/{commitmentId}': {
    kind: 'table',
    action: 'commitment.read',
    answers: 200,
    request: (world, side) => aimAtCommitment(world, side, 'planned', ''),
  },
  'POST /api/commitments/{commitmentId}/updates': {
    kind: 'table',
    action: 'commitment.manage',
    answers: 200,
    request: (world, side) => aimAtCommitment(world, side, 'planned', '/updates', { percent: 20 }),
  },
  'POST /api/commitments/{commitmentId}/due-date': {
    kind: 'table',
    action: 'commitment.manage',
    answers: 200,
    request: (world, side) =>
      aimAtCommitment(world, side, 'planned', '/due-date', {
        dueOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        reason: 'The council meets later.',
      }),
  },
  'POST /api/commitments/{commitmentId}/verify': {
    kind: 'table',
    action: 'commitment.verify',
    answers: 200,
    request: (world, side) => aimAtCommitment(world, side, 'done', '/verify', {}),
  },
  ...circleRouteChecks,
  ...conferenceIntakeRouteChecks,
  ...conferenceAgreementRouteChecks,
  ...conferencePartyRouteChecks,
  ...dialogueRouteChecks,
  ...dialogueResultRouteChecks,
  ...measurementSurveyRouteChecks,
  ...trainingRouteChecks,
  ...youthRouteChecks,
  ...youthConcernRouteChecks,
  ...youthReportRouteChecks,
  ...youthEventRouteChecks,
  ...measurementDashboardRouteChecks,
};

/** A fresh commitment of the side's organisation, and a request about it. */
async function aimAtCommitment(
  world: World,
  side: Side,
  status: 'planned' | 'done',
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const organisation = organisationOf(world, side);
  const commitmentId = await addCommitment(world.test, organisation, status);
  return {
    url: `/api/commitments/${commitmentId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, organisation.programId) },
  };
}
