import { eq } from 'drizzle-orm';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { demoActor, type OrganisationsDemo } from '../organisations/demo.ts';
import { updateProgram } from '../organisations/programs.ts';
import { verifyOfficer } from '../organisations/roles.ts';
import { grantMembership } from '../organisations/service.ts';
import { createPerson } from '../setup/service.ts';
import { seedYouthCircleDemo } from './circle-demo.ts';
import { seedYouthEventsDemo } from './events-demo.ts';
import { answerConsent } from './guardian.ts';
import { addYoungPerson } from './members.ts';
import { createPair, logMeeting, sendMessage } from './mentoring.ts';
import { saveYouthSettings } from './settings.ts';

// The demo's youth program: the agency's youth and police dialogue is set up as a youth program,
// with Sam Whitfield, its community facilitator, as the safeguarding lead. Three young people
// have joined: Maya's mother consented; Jayden's grandmother (who reads Spanish) has her request
// waiting on her phone; Andre is 19 and needs no one's consent. Keisha Brown coordinates the
// program; Officer Marcus Hill mentors Maya: they have written to each other and met once at the
// library, with Sam present, and Keisha reads every word.

export interface YouthDemo {
  /** Maya's own link: her page, her mentor and their messages. */
  mentoredYouthLink: string;
  /** The waiting guardian's page, to try consenting. */
  waitingGuardianLink: string;
  /** Jayden's own link, to see the young person's page. */
  waitingYouthLink: string;
}

const guardianToken = (link: string) => link.slice(link.indexOf('#') + 1);

export async function seedYouthDemo(
  context: AppContext,
  world: OrganisationsDemo,
  password: string,
): Promise<YouthDemo> {
  const { db } = context.database;
  const [lead] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, 'sam@peacecircle.example'));
  if (!lead) throw new Error('The demo youth program needs its facilitator');
  const admin = world.agencyAdmin;
  const programId = world.youth.id;
  // Shown to young people on their page and one tap away in their circles. The numbers are
  // the demo's own, as a program would write its local lines.
  await updateProgram(db, admin, programId, {
    supportResources:
      'Riverside Youth Line (call or text, any time): 555-0142\nRiverside Teen Health Centre, Mon-Fri 9-6: 555-0188\nSchool counsellors: ask at your school office',
  });
  await saveYouthSettings(context, admin, programId, {
    minAge: 13,
    maxAge: 21,
    safeguardingLeadId: lead.id,
    twoAdultsPresent: true,
    openPlacesOnly: true,
    guardianSeesMentoring: true,
    retentionDays: 365,
    consentValidDays: 365,
    aboutForGuardians:
      'Twice a month, after school, young people and police officers meet at the Riverside library to talk about what life in the neighbourhood is like for each of them. A community facilitator guides every meeting, and young people may also be paired with an officer mentor for the school year.',
  });
  const maya = await addYoungPerson(context, admin, programId, {
    displayName: 'Maya',
    ageBand: '14-15',
    guardian: { name: 'Elena Torres', email: 'elena.torres@example.org', language: 'en' },
  });
  if (maya.guardianLink) await answerConsent(context, guardianToken(maya.guardianLink), 'give');
  const jayden = await addYoungPerson(context, admin, programId, {
    displayName: 'Jayden',
    ageBand: '16-17',
    guardian: { name: 'Rosa Jiménez', email: 'rosa.jimenez@example.org', language: 'es' },
  });
  await addYoungPerson(context, admin, programId, { displayName: 'Andre', ageBand: '18-20' });
  if (!jayden.guardianLink) throw new Error('The demo guardian was not asked');

  const staff = async (
    person: { name: string; email: string },
    role: 'coordinator' | 'officer',
    organisationId: string,
  ) => {
    const id = await createPerson(context.auth, { ...person, language: 'en', password });
    await grantMembership(db, { personId: id, organisationId, programId, role });
    world.accounts.push({ ...person, role, where: world.youth.name });
    return id;
  };
  const keishaId = await staff(
    { name: 'Keisha Brown', email: 'keisha@peacecircle.example' },
    'coordinator',
    world.community.id,
  );
  const marcusId = await staff(
    { name: 'Officer Marcus Hill', email: 'm.hill@riversidepd.example' },
    'officer',
    world.agency.id,
  );
  await verifyOfficer(db, admin, world.agency.id, marcusId);
  const keisha = await demoActor(context, {
    id: keishaId,
    name: 'Keisha Brown',
    email: 'keisha@peacecircle.example',
  });
  const pair = await createPair(context, keisha, programId, {
    mentorId: marcusId,
    youngPersonId: maya.youngPerson.id,
  });
  const marcus = await demoActor(context, {
    id: marcusId,
    name: 'Officer Marcus Hill',
    email: 'm.hill@riversidepd.example',
  });
  const mayaActor = await demoActor(context, {
    id: maya.youngPerson.personId,
    name: 'Maya',
    email: '',
  });
  await logMeeting(context, marcus, pair.id, {
    metAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
    place: 'Riverside library, study room 2',
    present: ['Sam Whitfield'],
  });
  await sendMessage(
    context,
    marcus,
    pair.id,
    'Hi Maya, it was good to meet you at the library on Tuesday. You asked how someone becomes a dispatcher: I can bring a colleague who does it next time, if you like.',
  );
  await sendMessage(
    context,
    mayaActor,
    pair.id,
    'Yes please! Can my friend Zoe come too? She wants to ask about the summer jobs at the station.',
  );
  await seedYouthEventsDemo(context, keisha, programId, [maya.youngPerson.id]);
  await seedYouthCircleDemo(context, keisha, programId, {
    keeperId: lead.id,
    invited: [marcusId, maya.youngPerson.personId, jayden.youngPerson.personId],
  });
  return {
    mentoredYouthLink: maya.youthLink,
    waitingGuardianLink: jayden.guardianLink,
    waitingYouthLink: jayden.youthLink,
  };
}
