import { eq } from 'drizzle-orm';
import { addDays } from '../../../shared/commitments/days.ts';
import type { Vote } from '../../../shared/dialogues/matrix.ts';
import { normalisedStatement } from '../../../shared/dialogues/statements.ts';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { todayOf } from '../commitments/read.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import { verifyOfficer } from '../organisations/roles.ts';
import { grantMembership } from '../organisations/service.ts';
import { createPerson } from '../setup/service.ts';
import {
  type DemoParticipant,
  type DemoStatement,
  demoCommitment,
  demoOfficers,
  demoOthers,
  demoResidents,
  demoStatements,
  officerResponse,
  pendingStatement,
  synthesisDraft,
} from './demo-content.ts';
import { commitFromDialogue } from './dialogue-commitments.ts';
import {
  dialogueParticipants,
  dialogueResponses,
  dialogueStatements,
  dialogues,
  dialogueVotes,
} from './schema.ts';
import { saveSynthesis } from './synthesis.ts';

// The demo's guided dialogue: "Traffic stops on the east side", in the listening circles'
// program, public, moderated before publication, in English and Spanish. It opened ten days
// ago: 22 residents under names they chose (with their neighbourhoods), six verified officers
// and two others have voted on twelve statements; one statement waits in the moderation queue,
// an officer answered another, the coordinator drafted a synthesis and put the first of the
// common ground on the register. Words and camps are in demo-content.ts.
//
// The rows are written directly, as an import writes them: thirty people taking part one by
// one through the API would only be slower. The synthesis and the commitment go through the
// services, as a facilitator makes them. Votes come from a fixed seed, so that every demo shows
// the same two opinion groups and the same common ground.

const DAY_MS = 86_400_000;

/** A small seeded generator (mulberry32): the same demo every time. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const voteOf = { A: 1, D: -1, P: 0 } as const satisfies Record<string, Vote>;

export interface DialoguesDemo {
  dialogueId: string;
  commitmentId: string;
}

/** The demo's officers who take part: Priya Nair, and five more verified by their agency. */
async function officersOf(context: AppContext, world: OrganisationsDemo): Promise<string[]> {
  const { db } = context.database;
  const ids = [world.circlesOfficer.personId];
  for (const officer of demoOfficers) {
    const id = await createPerson(context.auth, officer);
    await grantMembership(db, {
      personId: id,
      organisationId: world.agency.id,
      programId: world.circles.id,
      role: 'officer',
      grantedBy: world.agencyAdmin.personId,
    });
    await verifyOfficer(db, world.agencyAdmin, world.agency.id, id);
    ids.push(id);
  }
  return ids;
}

export async function seedDialoguesDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<DialoguesDemo> {
  const { db } = context.database;
  const coordinator = world.circlesCoordinator;
  const random = seeded(20_241_115);
  const opensAt = new Date(Date.now() - 10 * DAY_MS);
  const sometimeSince = (start: Date) =>
    new Date(start.getTime() + random() * (Date.now() - 60_000 - start.getTime()));
  const dialogueId = crypto.randomUUID();
  await db.insert(dialogues).values({
    id: dialogueId,
    programId: world.circles.id,
    title: 'Traffic stops on the east side',
    description:
      'How traffic stops feel in Eastgate, Market Street, Elm Street, Riverside Flats and Harbor Hill, and what would make them fairer. Write what you think in a sentence or two, and vote on what others wrote. Cómo se viven las paradas de tráfico en el este, y qué las haría más justas.',
    opensAt,
    closesAt: new Date(Date.now() + 20 * DAY_MS),
    audience: 'public',
    moderation: 'before',
    languages: ['en', 'es'],
    createdBy: coordinator.personId,
    createdAt: new Date(opensAt.getTime() - DAY_MS),
  });

  // Residents and others came by the public link, under the names they chose; officers are
  // the agency's verified officers, under their own names.
  const officerIds = await officersOf(context, world);
  const [priya] = await db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, world.circlesOfficer.personId));
  const officers: (DemoParticipant & { personId: string })[] = officerIds.map((personId, i) => ({
    personId,
    name: i === 0 ? (priya?.name ?? 'Officer Priya Nair') : (demoOfficers[i - 1]?.name ?? ''),
    neighbourhood: '',
    language: i === 0 ? 'en' : (demoOfficers[i - 1]?.language ?? 'en'),
    role: 'officer',
    camp: 'officers',
  }));
  const fromLink = [...demoResidents, ...demoOthers].map((person) => ({
    ...person,
    personId: crypto.randomUUID(),
  }));
  await db.insert(people).values(
    fromLink.map((person) => ({
      id: person.personId,
      name: person.name,
      email: placeholderEmailFor(person.personId),
      language: person.language,
    })),
  );
  const everyone = [
    ...fromLink.slice(0, demoResidents.length),
    ...officers,
    ...fromLink.slice(demoResidents.length),
  ].map((person) => ({ ...person, id: crypto.randomUUID(), joinedAt: sometimeSince(opensAt) }));
  await db.insert(dialogueParticipants).values(
    everyone.map((person) => ({
      id: person.id,
      dialogueId,
      personId: person.personId,
      role: person.role,
      displayName: person.name,
      neighbourhood: person.neighbourhood,
      language: person.language,
      joinedAt: person.joinedAt,
    })),
  );
  const byRole = (role: string) => everyone.filter((person) => person.role === role);
  const authorOf = (author: DemoStatement['author']) =>
    author ? byRole(author.role)[author.index] : undefined;

  const statements = demoStatements.map((statement, index) => {
    const author = authorOf(statement.author);
    const createdAt = author ? sometimeSince(author.joinedAt) : opensAt;
    return {
      id: crypto.randomUUID(),
      dialogueId,
      number: index + 1,
      authorParticipantId: author?.id ?? null,
      text: statement.text,
      normalised: normalisedStatement(statement.text),
      language: statement.language,
      status: 'accepted',
      // The facilitator's opening statements were published as the dialogue opened.
      moderatedBy: author ? coordinator.personId : null,
      moderatedAt: author ? new Date(Math.min(createdAt.getTime() + DAY_MS / 4, Date.now())) : null,
      createdAt,
    };
  });
  const waiting = authorOf(pendingStatement.author);
  await db.insert(dialogueStatements).values([
    ...statements,
    {
      id: crypto.randomUUID(),
      dialogueId,
      number: statements.length + 1,
      authorParticipantId: waiting?.id ?? null,
      text: pendingStatement.text,
      normalised: normalisedStatement(pendingStatement.text),
      language: pendingStatement.language,
      status: 'pending',
      createdAt: new Date(Date.now() - 3_600_000),
    },
  ]);

  const votes = everyone.flatMap((person) =>
    demoStatements.flatMap((statement, index) => {
      const row = statements[index];
      const officerIndex = officers.findIndex((officer) => officer.personId === person.personId);
      const stance =
        person.camp === 'officers'
          ? Array.isArray(statement.votes.officers)
            ? (statement.votes.officers[officerIndex] ?? 'P')
            : statement.votes.officers
          : statement.votes[person.camp];
      // Not everyone has seen everything, and some pass; the officers all voted on what
      // everyone agrees with.
      const certain =
        person.camp === 'officers' && Object.values(statement.votes).every((camp) => camp === 'A');
      const chance = random();
      if (!certain && chance < 0.07) return [];
      const vote = !certain && chance < 0.14 ? voteOf.P : voteOf[stance];
      return row
        ? [
            {
              dialogueId,
              statementId: row.id,
              participantId: person.id,
              vote,
              votedAt: sometimeSince(
                new Date(Math.max(person.joinedAt.getTime(), row.createdAt.getTime())),
              ),
            },
          ]
        : [];
    }),
  );
  await db.insert(dialogueVotes).values(votes);

  const answered = statements[officerResponse.statement];
  const responder = officers[0];
  const respondent = everyone.find((person) => person.personId === responder?.personId);
  if (answered && respondent) {
    await db.insert(dialogueResponses).values({
      statementId: answered.id,
      participantId: respondent.id,
      text: officerResponse.text,
      createdAt: sometimeSince(answered.createdAt),
    });
  }

  await saveSynthesis(context, coordinator, dialogueId, {
    synthesis: synthesisDraft,
    resultsPublic: false,
  });
  const { commitmentId } = await commitFromDialogue(context, coordinator, dialogueId, {
    ...demoCommitment,
    owner: { kind: 'organisation', organisationId: world.agency.id, unit: 'Patrol Division' },
    visibility: 'public',
    dueOn: addDays(todayOf(context), 45),
    statementIds: statements[0] ? [statements[0].id] : [],
  });
  return { dialogueId, commitmentId };
}
