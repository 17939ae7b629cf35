import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { listProgramCircles } from '../server/features/circles/read.ts';
import { circles as circlesTable } from '../server/features/circles/schema.ts';
import { listCommitments, readCommitment } from '../server/features/commitments/read.ts';
import { caseBoard } from '../server/features/conferences/board.ts';
import { conferences as conferencesTable } from '../server/features/conferences/schema.ts';
import { dialogueReport } from '../server/features/dialogues/report.ts';
import {
  dialogueStatements,
  dialogues as dialoguesTable,
} from '../server/features/dialogues/schema.ts';
import { demoActor } from '../server/features/organisations/demo.ts';
import { listPeople } from '../server/features/organisations/people.ts';
import { readOrganisation } from '../server/features/organisations/programs.ts';
import { listCourses } from '../server/features/training/courses.ts';
import { courseReport } from '../server/features/training/report.ts';
import { previewConsent } from '../server/features/youth/guardian.ts';
import { listYoungPeople } from '../server/features/youth/members.ts';
import { listPairs } from '../server/features/youth/mentoring.ts';
import { people as peopleTable } from '../server/platform/auth/schema.ts';
import { generateEncryptionKey } from '../server/platform/crypto/keys.ts';
import { createTestDatabase, type TestDatabase } from '../server/platform/db/test-database.ts';
import { createLogger } from '../server/platform/logger.ts';
import { repositoryRoot } from '../server/platform/paths.ts';
import { closeRuntime, openRuntime } from '../server/runtime.ts';
import { fakeWebRoot } from '../server/testing/test-app.ts';
import { dayIn } from '../shared/commitments/days.ts';

// `restorativ demo` as a newcomer runs it: it fills an empty database, says how to sign in,
// and the server then shows a working organisation.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let database: TestDatabase;
let settings: Record<string, string | undefined>;
let first: { code: number | null; out: string; err: string };

function restorativ(args: string[]) {
  const result = spawnSync(process.execPath, ['cli/restorativ.ts', ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, ...settings },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  database = await createTestDatabase();
  settings = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'restorativ-demo-')),
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: generateEncryptionKey(),
    AUTH_SECRET: 'a demo secret that is long enough for the test',
    LOG_LEVEL: 'silent',
  };
  first = restorativ(['demo']);
});
afterAll(async () => {
  await database?.drop();
});

describe('restorativ demo', () => {
  it('fills an empty database and says how to sign in', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('grace@peacecircle.example');
    expect(first.out).toMatch(/Password for every demo account: demo-[\w-]{12}\n/);
    expect(first.out).toMatch(
      /A resident invitation link, still open:\n {2}http:\/\/\S+\/join#\S{20,}/,
    );
    expect(first.out).toMatch(
      /The join link of tomorrow's listening circle:\n {2}http:\/\/\S+\/circles\/join#\S{20,}/,
    );
    expect(first.out).toMatch(
      /The guided dialogue on traffic stops, open for statements and votes:\n {2}http:\/\/\S+\/dialogues\/[\w-]{36}\n/,
    );
    expect(first.out).toMatch(
      /The public referral form of the conferences about police conduct:\n {2}http:\/\/\S+\/conferences\/refer#\S{20,}/,
    );
  });

  it('refuses a database that has organisations already, and changes nothing', () => {
    const again = restorativ(['demo']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('the demo fills only an empty one');
  });

  it('leaves an organisation at work: programs with a partner, verified staff, residents under names they chose', async () => {
    const config = loadConfig(settings);
    const context = await openRuntime(config, createLogger('silent'));
    const app = await buildApp(context, { webRoot: fakeWebRoot() });
    try {
      const password = first.out.match(/Password for every demo account: (\S+)/)?.[1];
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: config.publicUrl },
        payload: { email: 'grace@peacecircle.example', password },
      });
      expect(signIn.statusCode).toBe(200);
      const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
      const me = await app.inject({ url: '/api/me', headers: { cookie } });
      // Staff set up their second factor at the first sign-in, as in real use.
      expect(me.json()).toMatchObject({ name: 'Grace Okafor', secondFactor: 'required' });
      const organisationId = me.json().roles[0].organisationId;

      // What the admin's pages will show, read as the services read it.
      const admin = await demoActor(context, {
        id: me.json().personId,
        name: 'Grace Okafor',
        email: 'grace@peacecircle.example',
      });
      const organisation = await readOrganisation(context.database.db, admin, organisationId);
      expect(organisation.programs.map((program) => program.name).sort()).toEqual([
        'Conferences about police conduct',
        'Neighbourhood listening circles',
        'Youth and police dialogue',
      ]);
      const circles = organisation.programs.find((p) => p.name.startsWith('Neighbourhood'));
      expect(circles?.organisations.map((o) => o.kind)).toEqual([
        'community_organisation',
        'police_agency',
      ]);
      const people = await listPeople(context.database.db, admin, organisationId);
      const residents = people.filter((person) => person.roles.some((r) => r.role === 'resident'));
      expect(residents.map((person) => person.name).sort()).toEqual([
        'D. from Elm Street',
        'Marisol',
        'Quiet neighbour',
      ]);
      expect(residents.every((person) => person.email === null)).toBe(true);

      // The register: months of promises, kept, under way, late, handed on, and private ones.
      const register = await listCommitments(context, admin, circles?.id ?? '', {});
      expect(register.commitments).toHaveLength(10);
      const byTitle = (start: string) =>
        register.commitments.find((commitment) => commitment.title.startsWith(start));
      expect(byTitle('Publish the department')).toMatchObject({ status: 'done' });
      expect(byTitle('Publish the department')?.verifiedAt).not.toBeNull();
      expect(byTitle('Add a resident')).toMatchObject({ status: 'in_progress', overdue: true });
      expect(byTitle('Fix the street lighting')).toMatchObject({ status: 'changed' });
      expect(byTitle('Return the confiscated phone')).toMatchObject({ visibility: 'case_team' });
      const late = await readCommitment(context, admin, byTitle('Add a resident')?.id ?? '');
      expect(late.timeline.map((entry) => entry.kind)).toEqual([
        'created',
        'status_changed',
        'progress_reported',
        'due_date_moved',
      ]);
      expect(String(late.timeline[0]?.at) < String(late.timeline[3]?.at)).toBe(true);

      // A weekly series of circles: one met and closed, the next ones to come.
      const series = await listProgramCircles(context.database.db, admin, circles?.id ?? '');
      expect(series.map((circle) => circle.status)).toEqual([
        'closed',
        'scheduled',
        'scheduled',
        'scheduled',
      ]);
      expect(series[0]).toMatchObject({ seats: 5, keeper: { name: 'Luis Herrera' } });
      expect(series[1]?.seats).toBe(2);
      // The closed circle's approved harvest put its two commitments on the register.
      const fromTheCircle = register.commitments.filter(
        (commitment) => commitment.source === 'circle',
      );
      expect(fromTheCircle.map((commitment) => commitment.title).sort()).toEqual([
        'Add the first thirty seconds of a stop to the spring training',
        'Say the reason for a stop before asking for papers',
      ]);
      expect(Date.parse(series[0]?.startsAt ?? '')).toBeLessThan(Date.now());
      expect(Date.parse(series[1]?.startsAt ?? '')).toBeGreaterThan(Date.now());

      // Conferences about police conduct: a case at each step, as their coordinator sees them.
      const conferences = organisation.programs.find((p) => p.name.startsWith('Conferences'));
      const [rosa] = await context.database.db
        .select({ id: peopleTable.id, name: peopleTable.name, email: peopleTable.email })
        .from(peopleTable)
        .where(eq(peopleTable.email, 'rosa@peacecircle.example'));
      if (!rosa) throw new Error('the demo has no conference coordinator');
      const board = await caseBoard(
        context,
        await demoActor(context, rosa),
        conferences?.id ?? '',
        undefined,
      );
      expect(board.map((entry) => entry.stage).sort()).toEqual([
        'closed',
        'monitoring',
        'preparation',
        'referral',
        'scheduled',
      ]);
      // The online conference has its room.
      const online = board.find((entry) => entry.stage === 'scheduled');
      const [room] = await context.database.db
        .select({ conference: circlesTable.conference })
        .from(conferencesTable)
        .innerJoin(circlesTable, eq(circlesTable.id, conferencesTable.circleId))
        .where(eq(conferencesTable.id, online?.id ?? ''));
      expect(room?.conference).toBe(true);
      expect(board.find((entry) => entry.stage === 'monitoring')?.items).toEqual({
        open: 2,
        overdue: 0,
      });
      expect(board.find((entry) => entry.stage === 'preparation')?.parties).toEqual({
        total: 2,
        consented: 1,
      });

      // A guided dialogue on traffic stops under way: two opinion groups that agree on three
      // statements, one of them on the register, and one statement waiting for moderation.
      const [dialogue] = await context.database.db.select().from(dialoguesTable);
      const report = await dialogueReport(context, admin, dialogue?.id ?? '');
      expect(report).toMatchObject({
        title: 'Traffic stops on the east side',
        state: 'open',
        participants: 30,
        byRole: { resident: 22, officer: 6, other: null },
      });
      expect(report.opinionGroups).toHaveLength(2);
      expect(report.opinionGroups.every((group) => (group.size ?? 0) >= 5)).toBe(true);
      const numbers = new Map(report.statements.map((s) => [s.id, s.number]));
      expect(report.commonGround.map((id) => numbers.get(id)).sort()).toEqual([1, 2, 4]);
      expect(report.divisive.length).toBeGreaterThan(2);
      // In English and Spanish, as its people wrote.
      expect(report.statements[1]?.text).toMatch(/^Los agentes deberían ofrecer un intérprete/);
      expect(report.statements.filter((s) => s.responses.length > 0)).toHaveLength(1);
      expect(report.synthesis).toContain('Residents and officers agree on three things');
      expect(report.commitments.map((c) => c.title)).toEqual([
        'Give the reason for every traffic stop before asking for papers',
      ]);
      expect(register.commitments.find((c) => c.source === 'dialogue')?.sourceLink).toBe(
        `/dialogues/${dialogue?.id}`,
      );
      const pending = await context.database.db
        .select({ status: dialogueStatements.status })
        .from(dialogueStatements)
        .where(eq(dialogueStatements.status, 'pending'));
      expect(pending).toHaveLength(1);

      // The starter curriculum, copied into the listening circles' program.
      const courses = await listCourses(context.database.db, admin, circles?.id ?? '');
      expect(courses.map((course) => course.slug)).toContain('preparing-for-a-circle');
      expect(courses).toHaveLength(7);
      expect(courses.every((course) => course.version === 1 && course.title.es)).toBe(true);

      // Two cohorts under way: the report the demo prints shows completion by unit, wrong
      // turns taken, and Priya Nair's course not begun.
      const reportLink = /\/courses\/([\w-]+)\/report/.exec(first.out);
      const training = await courseReport(
        context,
        admin,
        reportLink?.[1] ?? '',
        dayIn(context.config.TIME_ZONE),
      );
      expect(training.cohorts.map((cohort) => cohort.name)).toEqual(['Winter patrol']);
      expect(training.units.map((unit) => unit.unit)).toEqual([
        'Patrol North',
        'Patrol South',
        'Traffic',
      ]);
      expect(training.total).toMatchObject({ people: 6, completed: 3, not_started: 1 });
      expect(training.learners).toContainEqual(
        expect.objectContaining({ name: 'Officer Priya Nair', status: 'not_started' }),
      );
      expect(training.scenarios[0]?.wrongTurns.length).toBeGreaterThan(0);

      // The youth program: Maya may take part, Jayden waits for his grandmother, whose page
      // the demo prints, and Andre, a young adult, needs no one's consent.
      const youthProgram = organisation.programs.find((program) =>
        program.name.startsWith('Youth'),
      );
      const young = await listYoungPeople(context, admin, youthProgram?.id ?? '');
      expect(
        young.map((person) => [person.displayName, person.mayTakePart, person.consent?.status]),
      ).toEqual([
        ['Andre', true, undefined],
        ['Jayden', false, 'requested'],
        ['Maya', true, 'given'],
      ]);
      const [pair] = await listPairs(context, admin, youthProgram?.id ?? '');
      expect(pair).toMatchObject({
        mentor: { name: 'Officer Marcus Hill' },
        youngPerson: { name: 'Maya' },
        readAlongBy: ['Keisha Brown', 'Sam Whitfield'],
      });
      const guardianToken = /\/consent#([\w-]{43})/.exec(first.out)?.[1] ?? '';
      expect(await previewConsent(context, guardianToken)).toMatchObject({
        youngPersonName: 'Jayden',
        language: 'es',
      });
    } finally {
      await app.close();
      await closeRuntime(context);
    }
  });
});
