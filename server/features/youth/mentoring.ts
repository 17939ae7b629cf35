import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { decide } from '../../../shared/permissions/decide.ts';
import { channelRefusal, mentoringReaders, type Reader } from '../../../shared/youth/channels.ts';
import { type AgeBand, isMinorBand } from '../../../shared/youth/contract.ts';
import type {
  CreatePairRequest,
  GuardianMentoring,
  LogMeetingRequest,
  PairDetail,
  PairSummary,
} from '../../../shared/youth/mentoring-contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ForbiddenError, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { programTarget } from '../organisations/programs.ts';
import { memberships } from '../organisations/schema.ts';
import {
  findProgram,
  type ProgramRunners,
  verifiedOfficersAmong,
} from '../organisations/service.ts';
import { linkOf } from './guardian.ts';
import { NEEDS_CONSENT, youthStanding } from './join.ts';
import { mentoringMeetings, mentoringMessages, mentoringPairs, youngPeople } from './schema.ts';
import { requireYouthSettings, type YouthProgramRow, youthProgramFor } from './settings.ts';

// Mentoring pairs. A pair's messages are never private to the two of them: before a pair is
// made and before each message, the channel's readers (the pair, the program's coordinators and
// safeguarding lead, the guardian where the program says so) are put to the no-private-channel
// rule (shared/youth/channels.ts). A minor whose guardian's consent is not current takes no part.

type PairRow = typeof mentoringPairs.$inferSelect;

const messageContext = (id: string) => `mentoring_messages.body:${id}`;

/** Who reads along: the coordinators of the program and its safeguarding lead, by id and name. */
async function watchersOf(
  db: Database,
  program: ProgramRunners,
  settings: YouthProgramRow,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectDistinct({ id: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        isNull(memberships.revokedAt),
        isNull(people.disabledAt),
        inArray(memberships.organisationId, program.organisationIds),
        or(isNull(memberships.programId), eq(memberships.programId, program.id)),
        or(eq(memberships.role, 'coordinator'), eq(people.id, settings.safeguardingLeadId)),
      ),
    )
    .orderBy(asc(people.name));
  return rows;
}

interface Channel {
  readers: Reader[];
  watchers: { id: string; name: string }[];
}

async function channelOf(
  db: Database,
  program: ProgramRunners,
  settings: YouthProgramRow,
  mentorId: string,
  youngPerson: { personId: string; ageBand: string },
): Promise<Channel> {
  const watchers = await watchersOf(db, program, settings);
  const minor = isMinorBand(youngPerson.ageBand as AgeBand);
  const readers = mentoringReaders({
    mentor: { id: mentorId, minor: false, staff: true },
    youngPerson: { id: youngPerson.personId, minor, staff: false },
    coordinators: watchers.map((watcher) => ({ id: watcher.id, minor: false, staff: true })),
    guardian:
      settings.guardianSeesMentoring && minor
        ? { id: 'guardian', minor: false, staff: false }
        : null,
  });
  return { readers, watchers };
}

async function refuseChannel(
  db: Database,
  actor: SignedIn,
  program: ProgramRunners,
  targetId: string,
): Promise<never> {
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: program.leadOrganisationId,
    action: 'youth.channel_refused',
    targetType: 'mentoring_pair',
    targetId,
    outcome: 'denied',
    details: { programId: program.id, reason: 'alone_with_minor' },
  });
  throw new ForbiddenError(
    'No adult may write to a young person where no one else reads along: this program needs a coordinator or a safeguarding lead, besides the mentor, to read the pair’s messages.',
    { code: 'alone_with_minor' },
  );
}

async function summaryOf(db: Database, pair: PairRow): Promise<PairSummary> {
  const program = await findProgram(db, pair.programId);
  const settings = await requireYouthSettings(db, pair.programId);
  const [young] = await db
    .select({ personId: youngPeople.personId, ageBand: youngPeople.ageBand, name: people.name })
    .from(youngPeople)
    .innerJoin(people, eq(people.id, youngPeople.personId))
    .where(eq(youngPeople.id, pair.youngPersonId));
  const [mentor] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.id, pair.mentorId));
  if (!program || !young || !mentor) throw new NotFoundError('There is no such mentoring pair.');
  const watchers = await watchersOf(db, program, settings);
  return {
    id: pair.id,
    programId: pair.programId,
    programName: program.name,
    mentor,
    youngPerson: { id: pair.youngPersonId, name: young.name },
    createdAt: pair.createdAt.toISOString(),
    readAlongBy: watchers
      .filter((watcher) => watcher.id !== mentor.id)
      .map((watcher) => watcher.name),
    guardianReads: settings.guardianSeesMentoring && isMinorBand(young.ageBand as AgeBand),
  };
}

export async function createPair(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: CreatePairRequest,
): Promise<PairSummary> {
  const { db } = context.database;
  const program = await youthProgramFor(db, actor, programId, 'youth.manage');
  const settings = await requireYouthSettings(db, programId);
  const [young] = await db
    .select()
    .from(youngPeople)
    .where(and(eq(youngPeople.id, body.youngPersonId), eq(youngPeople.programId, programId)));
  const mentorIsOfficer = (await verifiedOfficersAmong(db, [body.mentorId])).has(body.mentorId);
  const mentorInProgram =
    mentorIsOfficer &&
    (
      await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.personId, body.mentorId),
            isNull(memberships.revokedAt),
            inArray(memberships.organisationId, program.organisationIds),
            or(isNull(memberships.programId), eq(memberships.programId, programId)),
          ),
        )
        .limit(1)
    ).length === 1;
  const problems = [
    ...(young
      ? []
      : [{ field: 'youngPersonId', message: 'Choose a young person of this program.' }]),
    ...(mentorInProgram
      ? []
      : [
          {
            field: 'mentorId',
            message: 'Choose a verified officer of this program as the mentor.',
          },
        ]),
  ];
  if (problems.length > 0 || !young) throw new InvalidError(problems);
  const standing = await youthStanding(db, programId, young.personId);
  if (!standing.mayTakePart) {
    throw new InvalidError([
      {
        field: 'youngPersonId',
        message:
          "This young person's guardian has not consented (or has withdrawn): pair them once consent is given.",
        code: 'needs_consent',
      },
    ]);
  }
  const id = crypto.randomUUID();
  const channel = await channelOf(db, program, settings, body.mentorId, young);
  if (channelRefusal(channel.readers)) await refuseChannel(db, actor, program, id);
  const [mentor] = await db
    .select({ email: people.email, language: people.language })
    .from(people)
    .where(eq(people.id, body.mentorId));
  const [youngName] = await db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, young.personId));
  await db.transaction(async (tx) => {
    await tx.insert(mentoringPairs).values({
      id,
      programId,
      mentorId: body.mentorId,
      youngPersonId: young.id,
      createdBy: actor.personId,
    });
    if (mentor) {
      await context.mail.notify(
        {
          to: mentor.email,
          template: 'mentoring-paired',
          language: mentor.language === 'es' ? 'es' : 'en',
          data: {
            youngPersonName: youngName?.name ?? '',
            programName: program.name,
            link: `${context.config.publicUrl}/mentoring/${id}`,
          },
        },
        { tx },
      );
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.pair_created',
        targetType: 'mentoring_pair',
        targetId: id,
        outcome: 'succeeded',
        details: { programId, youngPersonId: young.id },
      },
      tx,
    );
  });
  const [pair] = await db.select().from(mentoringPairs).where(eq(mentoringPairs.id, id));
  if (!pair) throw new Error('The pair was not made');
  return summaryOf(db, pair);
}

export async function listPairs(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<PairSummary[]> {
  const { db } = context.database;
  await youthProgramFor(db, actor, programId, 'youth.read');
  const rows = await db
    .select()
    .from(mentoringPairs)
    .where(and(eq(mentoringPairs.programId, programId), isNull(mentoringPairs.endedAt)))
    .orderBy(desc(mentoringPairs.createdAt));
  return Promise.all(rows.map((row) => summaryOf(db, row)));
}

/** The pairs the person is in, as mentor or as the young person. */
export async function myPairs(context: AppContext, actor: SignedIn): Promise<PairSummary[]> {
  const { db } = context.database;
  const rows = await db
    .select({ pair: mentoringPairs })
    .from(mentoringPairs)
    .innerJoin(youngPeople, eq(youngPeople.id, mentoringPairs.youngPersonId))
    .where(
      and(
        isNull(mentoringPairs.endedAt),
        or(eq(mentoringPairs.mentorId, actor.personId), eq(youngPeople.personId, actor.personId)),
      ),
    )
    .orderBy(desc(mentoringPairs.createdAt));
  return Promise.all(rows.map(({ pair }) => summaryOf(db, pair)));
}

interface PairAccess {
  pair: PairRow;
  program: ProgramRunners;
  settings: YouthProgramRow;
  young: { personId: string; ageBand: string };
  /** mentor, young person, or someone who manages the program's young people. */
  as: 'mentor' | 'young_person' | 'coordinator';
}

/** The pair, to those in it and to those who watch over it; 404 to everyone else. */
async function pairFor(db: Database, actor: SignedIn, pairId: string): Promise<PairAccess> {
  const [pair] = await db.select().from(mentoringPairs).where(eq(mentoringPairs.id, pairId));
  const program = pair && (await findProgram(db, pair.programId));
  const settings = pair && (await requireYouthSettings(db, pair.programId));
  const [young] = pair
    ? await db
        .select({ personId: youngPeople.personId, ageBand: youngPeople.ageBand })
        .from(youngPeople)
        .where(eq(youngPeople.id, pair.youngPersonId))
    : [];
  if (!pair || !program || !settings || !young) {
    throw new NotFoundError('There is no such mentoring pair.');
  }
  const watches =
    decide(actor, 'youth.manage', programTarget(pair.programId, program)).allowed ||
    actor.personId === settings.safeguardingLeadId;
  const as =
    actor.personId === pair.mentorId
      ? 'mentor'
      : actor.personId === young.personId
        ? 'young_person'
        : watches
          ? 'coordinator'
          : null;
  if (!as) {
    await recordAudit(db, {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: program.leadOrganisationId,
      action: 'permission.denied',
      targetType: 'mentoring_pair',
      targetId: pairId,
      outcome: 'denied',
      details: { attempted: 'youth.mentoring' },
    });
    throw new NotFoundError('There is no such mentoring pair.');
  }
  return { pair, program, settings, young, as };
}

/** A minor without a current consent neither reads nor writes, and no one writes to them. */
async function requireCurrentConsent(db: Database, access: PairAccess): Promise<void> {
  const standing = await youthStanding(db, access.pair.programId, access.young.personId);
  if (standing.mayTakePart) return;
  if (access.as === 'young_person')
    throw new ForbiddenError(NEEDS_CONSENT, { code: 'needs_consent' });
  if (access.as === 'mentor') {
    throw new ForbiddenError(
      "This young person's guardian has not consented, or has withdrawn: messages and meetings wait until consent is given again.",
      { code: 'needs_consent' },
    );
  }
}

export async function readPair(
  context: AppContext,
  actor: SignedIn,
  pairId: string,
): Promise<PairDetail> {
  const { db } = context.database;
  const access = await pairFor(db, actor, pairId);
  await requireCurrentConsent(db, access);
  const messages = await db
    .select({ row: mentoringMessages, authorName: people.name })
    .from(mentoringMessages)
    .innerJoin(people, eq(people.id, mentoringMessages.authorId))
    .where(eq(mentoringMessages.pairId, pairId))
    .orderBy(asc(mentoringMessages.sentAt), asc(mentoringMessages.id));
  const meetings = await db
    .select({ row: mentoringMeetings, loggedByName: people.name })
    .from(mentoringMeetings)
    .innerJoin(people, eq(people.id, mentoringMeetings.loggedBy))
    .where(eq(mentoringMeetings.pairId, pairId))
    .orderBy(desc(mentoringMeetings.metAt));
  if (access.as === 'coordinator') {
    await recordAudit(db, {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      action: 'youth.pair_read',
      targetType: 'mentoring_pair',
      targetId: pairId,
      outcome: 'succeeded',
    });
  }
  return {
    pair: await summaryOf(db, access.pair),
    mayWrite: true,
    mayLogMeetings: access.as !== 'young_person',
    messages: messages.map(({ row, authorName }) => ({
      id: row.id,
      authorName,
      mine: row.authorId === actor.personId,
      body: context.cipher.decrypt(row.body, messageContext(row.id)),
      sentAt: row.sentAt.toISOString(),
    })),
    meetings: meetings.map(({ row, loggedByName }) => ({
      id: row.id,
      metAt: row.metAt.toISOString(),
      place: row.place,
      present: row.present,
      loggedByName,
    })),
  };
}

export async function sendMessage(
  context: AppContext,
  actor: SignedIn,
  pairId: string,
  body: string,
): Promise<PairDetail> {
  const { db } = context.database;
  const access = await pairFor(db, actor, pairId);
  await requireCurrentConsent(db, access);
  const channel = await channelOf(
    db,
    access.program,
    access.settings,
    access.pair.mentorId,
    access.young,
  );
  if (channelRefusal(channel.readers)) await refuseChannel(db, actor, access.program, pairId);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(mentoringMessages).values({
      id,
      pairId,
      authorId: actor.personId,
      body: context.cipher.encrypt(body, messageContext(id)),
    });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'youth.message_sent',
        targetType: 'mentoring_pair',
        targetId: pairId,
        outcome: 'succeeded',
        details: { messageId: id, as: access.as },
      },
      tx,
    );
  });
  return readPair(context, actor, pairId);
}

export async function logMeeting(
  context: AppContext,
  actor: SignedIn,
  pairId: string,
  meeting: LogMeetingRequest,
): Promise<PairDetail> {
  const { db } = context.database;
  const access = await pairFor(db, actor, pairId);
  if (access.as === 'young_person') {
    throw new ForbiddenError('Your mentor or the coordinator logs your meetings.');
  }
  await requireCurrentConsent(db, access);
  const metAt = new Date(meeting.metAt);
  const present = meeting.present ?? [];
  const problems = [
    ...(metAt.getTime() > Date.now() + 60 * 60_000
      ? [{ field: 'metAt', message: 'Log a meeting once it has happened.' }]
      : []),
    ...(access.settings.twoAdultsPresent && present.length === 0
      ? [
          {
            field: 'present',
            message:
              'This program asks for two adults at every meeting: name the other adult who was there.',
            code: 'two_adults',
          },
        ]
      : []),
  ];
  if (problems.length > 0) throw new InvalidError(problems);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(mentoringMeetings).values({
      id,
      pairId,
      metAt,
      place: meeting.place,
      present,
      loggedBy: actor.personId,
    });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'youth.meeting_logged',
        targetType: 'mentoring_pair',
        targetId: pairId,
        outcome: 'succeeded',
        details: { meetingId: id, present: present.length },
      },
      tx,
    );
  });
  return readPair(context, actor, pairId);
}

/** Who may mentor in the program: its verified officers, for the form that makes a pair. */
export async function mentorsOf(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<{ id: string; name: string }[]> {
  const { db } = context.database;
  const program = await youthProgramFor(db, actor, programId, 'youth.manage');
  const rows = await db
    .selectDistinct({ id: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        isNull(memberships.revokedAt),
        isNull(people.disabledAt),
        eq(memberships.role, 'officer'),
        inArray(memberships.organisationId, program.organisationIds),
        or(isNull(memberships.programId), eq(memberships.programId, programId)),
      ),
    )
    .orderBy(asc(people.name));
  const verified = await verifiedOfficersAmong(
    db,
    rows.map((row) => row.id),
  );
  return rows.filter((row) => verified.has(row.id));
}

/**
 * What a guardian reads of their young person's mentoring, by their own link, where the program
 * lets guardians read along and their consent is current: each pair's messages and meetings.
 */
export async function mentoringForGuardian(
  context: AppContext,
  token: string,
): Promise<GuardianMentoring> {
  const { db } = context.database;
  const { row } = await linkOf(db, token);
  const settings = await requireYouthSettings(db, row.programId);
  const standing = await youthStanding(db, row.programId, row.personId);
  if (!settings.guardianSeesMentoring || !standing.mayTakePart) return { pairs: [] };
  const pairs = await db
    .select()
    .from(mentoringPairs)
    .where(and(eq(mentoringPairs.youngPersonId, row.id), isNull(mentoringPairs.endedAt)))
    .orderBy(desc(mentoringPairs.createdAt));
  const read = await Promise.all(
    pairs.map(async (pair) => {
      const [mentor] = await db
        .select({ name: people.name })
        .from(people)
        .where(eq(people.id, pair.mentorId));
      const messages = await db
        .select({ row: mentoringMessages, authorName: people.name })
        .from(mentoringMessages)
        .innerJoin(people, eq(people.id, mentoringMessages.authorId))
        .where(eq(mentoringMessages.pairId, pair.id))
        .orderBy(asc(mentoringMessages.sentAt), asc(mentoringMessages.id));
      const meetings = await db
        .select({ row: mentoringMeetings, loggedByName: people.name })
        .from(mentoringMeetings)
        .innerJoin(people, eq(people.id, mentoringMeetings.loggedBy))
        .where(eq(mentoringMeetings.pairId, pair.id))
        .orderBy(desc(mentoringMeetings.metAt));
      return {
        id: pair.id,
        mentorName: mentor?.name ?? '',
        messages: messages.map(({ row: message, authorName }) => ({
          id: message.id,
          authorName,
          mine: false,
          body: context.cipher.decrypt(message.body, messageContext(message.id)),
          sentAt: message.sentAt.toISOString(),
        })),
        meetings: meetings.map(({ row: meeting, loggedByName }) => ({
          id: meeting.id,
          metAt: meeting.metAt.toISOString(),
          place: meeting.place,
          present: meeting.present,
          loggedByName,
        })),
      };
    }),
  );
  if (read.length > 0) {
    await recordAudit(db, {
      actorKind: 'anonymous',
      action: 'youth.pair_read_by_guardian',
      targetType: 'young_person',
      targetId: row.id,
      outcome: 'succeeded',
      details: { pairs: read.length },
    });
  }
  return { pairs: read };
}
