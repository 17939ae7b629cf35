import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultCommunityRules,
  defaultMisconductRules,
} from '../../../shared/conferences/names.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { addSignedInPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { createOrganisation, grantMembership } from '../organisations/service.ts';
import {
  buildIntakeWorld,
  emailsTo,
  type IntakeWorld,
  refer,
  referralLinkOf,
} from './intake-fixtures.ts';
import { conferences } from './schema.ts';

// A program's conference settings: the defaults before anything is saved, a misconduct program's
// default rules and its agency (whose disciplinary staff hear of none of its referrals), who
// may change them, and the audit trail.

let test: TestApp;
let world: IntakeWorld;
let url: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  url = `/api/programs/${world.programId}/conference-settings`;
});
afterAll(async () => {
  await test.close();
});

const settingsAudit = () =>
  test.context.database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetId, world.programId),
        eq(auditEvents.action, 'conference.settings_saved'),
      ),
    );

describe('conference settings', () => {
  it('are those of a community program until a coordinator saves any', async () => {
    const answer = await send(test, world.coordinator, 'GET', url);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({
      programId: world.programId,
      misconduct: false,
      agencyOrganisationId: null,
      rules: defaultCommunityRules,
      scriptOrder: 'harmed_first',
      hasReferralLink: false,
    });
  });

  it('make a misconduct program with the default misconduct rules when none are given', async () => {
    const answer = await send(test, world.coordinator, 'PUT', url, {
      misconduct: true,
      agencyOrganisationId: world.agencyId,
      rules: [],
      scriptOrder: 'responsible_first',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      misconduct: true,
      agencyOrganisationId: world.agencyId,
      rules: defaultMisconductRules,
      scriptOrder: 'responsible_first',
    });
    expect((await send(test, world.admin, 'GET', url)).json().rules).toEqual(
      defaultMisconductRules,
    );
    const [audited] = await settingsAudit();
    expect(audited?.details).toEqual({ misconduct: true, rules: 9, eligibleRules: 5 });
  });

  it('keep the rules a coordinator edits, and a referral of the program is a misconduct case of the agency', async () => {
    const rules = [
      ...defaultMisconductRules.filter((rule) => rule.id !== 'minor_procedural'),
      { id: 'property_damage_in_search', label: 'Property damaged in a search', eligible: true },
    ];
    const saved = await send(test, world.coordinator, 'PUT', url, {
      misconduct: true,
      agencyOrganisationId: world.agencyId,
      rules,
      scriptOrder: 'harmed_first',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rules).toEqual(rules);

    const token = await referralLinkOf(test, world);
    const preview = await send(test, undefined, 'POST', '/api/conference-referral/preview', {
      token,
    });
    expect(preview.json().misconduct).toBe(true);
    expect(preview.json().harmTypes.map((type: { id: string }) => type.id)).toContain(
      'property_damage_in_search',
    );
    // A coordinator who also works in the agency's professional standards.
    const disciplinary = await addSignedInPerson(test, {
      organisationId: world.communityId,
      programId: world.programId,
      role: 'coordinator',
    });
    await grantMembership(test.context.database.db, {
      personId: disciplinary.personId,
      organisationId: world.agencyId,
      role: 'professional_standards',
    });
    const { conferenceId, reference } = await refer(test, token, {
      harmType: 'property_damage_in_search',
    });
    const [row] = await test.context.database.db
      .select()
      .from(conferences)
      .where(eq(conferences.id, conferenceId));
    expect(row).toMatchObject({ misconduct: true, agencyOrganisationId: world.agencyId });
    const told = await emailsTo(test, world.coordinator.email, 'conference-referral');
    expect(told.map((email) => email.subject)).toContain(`New referral ${reference}`);
    expect(await emailsTo(test, disciplinary.email, 'conference-referral')).toEqual([]);
  });

  it('refuse a misconduct program without a police agency that runs it, with a field message', async () => {
    const { db } = test.context.database;
    const otherAgency = await createOrganisation(db, {
      name: 'Hillside Sheriff',
      kind: 'police_agency',
    });
    for (const agencyOrganisationId of [null, world.communityId, otherAgency]) {
      const answer = await send(test, world.coordinator, 'PUT', url, {
        misconduct: true,
        agencyOrganisationId,
        rules: [],
        scriptOrder: 'harmed_first',
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors).toEqual([
        expect.objectContaining({
          field: 'agencyOrganisationId',
          message: expect.stringMatching(/police agency/),
        }),
      ]);
    }
  });

  it('refuse rules with the same id twice, or too many', async () => {
    const twice = await send(test, world.coordinator, 'PUT', url, {
      misconduct: false,
      rules: [defaultCommunityRules[0], defaultCommunityRules[0]],
      scriptOrder: 'harmed_first',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([
      expect.objectContaining({ field: 'rules', message: 'Each category needs its own id.' }),
    ]);
    const tooMany = Array.from({ length: 41 }, (_, index) => ({
      id: `rule_${index}`,
      label: `Rule ${index}`,
      eligible: true,
    }));
    const many = await send(test, world.coordinator, 'PUT', url, {
      misconduct: false,
      rules: tooMany,
      scriptOrder: 'harmed_first',
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().errors[0].message).toBe('Keep to 40 categories.');
  });

  it('are not for facilitators or residents to read or change', async () => {
    for (const person of [world.facilitator, world.resident, world.standards]) {
      expect((await send(test, person, 'GET', url)).statusCode).toBe(403);
      const put = await send(test, person, 'PUT', url, {
        misconduct: false,
        rules: [],
        scriptOrder: 'harmed_first',
      });
      expect(put.statusCode).toBe(403);
      const link = await send(test, person, 'POST', `${url}/referral-link`);
      expect(link.statusCode).toBe(403);
    }
  });

  it('turn back into a community program with the community rules, keeping the referral link', async () => {
    const answer = await send(test, world.coordinator, 'PUT', url, {
      misconduct: false,
      agencyOrganisationId: world.agencyId,
      rules: [],
      scriptOrder: 'harmed_first',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      misconduct: false,
      agencyOrganisationId: null,
      rules: defaultCommunityRules,
      hasReferralLink: true,
    });
  });
});
