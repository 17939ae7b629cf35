import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { OrganisationMeasurement, PublicTrust } from '../../../shared/measurement/contract.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertScenario, type Scenario } from './dashboard-scenario.ts';
import {
  buildDashboardWorld,
  type DashboardWorld,
  insertResponses,
  insertSurvey,
} from './dashboard-testing.ts';

// An organisation's programs at a glance, its admin's choice of a public page, and that page:
// quarter totals of its pulses and after-process surveys for anyone, small quarters hidden,
// never a role group or a neighbourhood.

let test: TestApp;
let world: DashboardWorld;
let scenario: Scenario;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildDashboardWorld(test);
  scenario = await insertScenario(test, world);
});
afterAll(async () => {
  await test.close();
});

const ofOrganisation = () => `/api/organisations/${world.organisationId}/measurement`;
const publicPage = () => `/api/public/trust/${world.organisationId}`;

describe('an organisation’s measurement', () => {
  it('lists each program with its latest pulse quarter, for those who may read its figures', async () => {
    for (const reader of [world.admin, world.coordinator, world.facilitator]) {
      const answer = await send(test, reader, 'GET', ofOrganisation());
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json<OrganisationMeasurement>()).toEqual({
        organisationId: world.organisationId,
        publicPage: false,
        programs: [
          {
            programId: world.programId,
            name: 'Listening circles on the east side',
            latest: {
              quarter: scenario.lastEnded,
              figures: expect.objectContaining({ key: 'all', n: 26 }),
            },
          },
        ],
      });
    }
  });

  it('is refused to a resident, to someone signed out and to another organisation', async () => {
    expect((await send(test, world.resident, 'GET', ofOrganisation())).statusCode).toBe(403);
    expect((await send(test, undefined, 'GET', ofOrganisation())).statusCode).toBe(401);
    const elsewhere = await buildDashboardWorld(test, 'Westside Trust');
    expect((await send(test, elsewhere.admin, 'GET', ofOrganisation())).statusCode).toBe(403);
  });
});

describe('the public page of trust figures', () => {
  it('is not found until the organisation’s admin chooses to publish it', async () => {
    expect((await send(test, undefined, 'GET', publicPage())).statusCode).toBe(404);
    const unknown = await send(test, undefined, 'GET', `/api/public/trust/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('lets only the organisation’s admin choose, refuses a bad body, and audits the choice', async () => {
    const url = `${ofOrganisation()}/public`;
    expect((await send(test, world.coordinator, 'PUT', url, { publicPage: true })).statusCode).toBe(
      403,
    );
    const bad = await send(test, world.admin, 'PUT', url, { publicPage: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'publicPage' }),
    ]);
    expect((await send(test, undefined, 'GET', publicPage())).statusCode).toBe(404);

    const chosen = await send(test, world.admin, 'PUT', url, { publicPage: true });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json<OrganisationMeasurement>().publicPage).toBe(true);
    const audited = await test.context.database.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'measurement.public_page_changed'),
          eq(auditEvents.targetId, world.organisationId),
        ),
      );
    expect(audited).toEqual([{ actorId: world.admin.personId, details: { publicPage: true } }]);
  });

  it('shows anyone each quarter’s totals, with small quarters hidden and no group at all', async () => {
    const answer = await send(test, undefined, 'GET', publicPage());
    expect(answer.statusCode, answer.body).toBe(200);
    const page = answer.json<PublicTrust>();
    expect(page.organisationName).toBe('Eastside Community Trust');
    expect(page.threshold).toBe(10);
    const [program] = page.programs;
    expect(program?.name).toBe('Listening circles on the east side');
    expect(program?.pulse).toHaveLength(8);
    // Up to the last ended quarter: the one under way is not on the page.
    expect(program?.pulse.at(-1)?.quarter).toBe(scenario.lastEnded);
    expect(program?.pulse.at(-1)?.figures).toMatchObject({ n: 26, trust: { n: 26 } });
    expect(program?.pulse.find((each) => each.quarter === scenario.threeBack)?.figures).toEqual({
      key: 'all',
      hidden: 'below_threshold',
    });
    expect(program?.afterProcess.at(-1)?.figures).toMatchObject({ n: 12 });
    for (const word of ['Elm Street', 'Riverside', 'resident', 'officer', 'training']) {
      expect(answer.body).not.toContain(word);
    }
  });

  it('does not move when someone answers today', async () => {
    const { db } = test.context.database;
    const before = (await send(test, undefined, 'GET', publicPage())).json<PublicTrust>();
    const survey = await insertSurvey(db, {
      programId: world.programId,
      kind: 'pulse',
      createdBy: world.coordinator.personId,
    });
    await insertResponses(db, survey, [{ day: dayIn('UTC'), score: 1 }]);
    expect((await send(test, undefined, 'GET', publicPage())).json<PublicTrust>()).toEqual(before);
  });

  it('is taken down again when the admin chooses so', async () => {
    const url = `${ofOrganisation()}/public`;
    expect((await send(test, world.admin, 'PUT', url, { publicPage: false })).statusCode).toBe(200);
    expect((await send(test, undefined, 'GET', publicPage())).statusCode).toBe(404);
  });
});
