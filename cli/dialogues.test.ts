import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { analysedResults } from '../server/features/dialogues/results.ts';
import { dialogues } from '../server/features/dialogues/schema.ts';
import { demoActor } from '../server/features/organisations/demo.ts';
import { createProgram } from '../server/features/organisations/programs.ts';
import { createOrganisation, grantMembership } from '../server/features/organisations/service.ts';
import { createPerson } from '../server/features/setup/service.ts';
import type { AppContext } from '../server/platform/context.ts';
import { generateEncryptionKey } from '../server/platform/crypto/keys.ts';
import { createTestDatabase, type TestDatabase } from '../server/platform/db/test-database.ts';
import { createLogger } from '../server/platform/logger.ts';
import { closeRuntime, openRuntime } from '../server/runtime.ts';
import { analysePolisFolder, type PolisReport } from './commands/dialogues.ts';

// `restorativ dialogues analyse-polis DIR --json` on the Seattle conversation, as a researcher
// runs it: the groups, each statement's consensus, the common ground, and the comparison with
// Pol.is's own groups, with the data's attribution. And `import-polis`, which stores the same
// conversation in a program as an archived dialogue, whose analysis finds the same.

const seattle = fileURLToPath(
  new URL('../shared/dialogues/fixtures/15-per-hour-seattle', import.meta.url),
);
const restorativ = (...args: string[]) =>
  spawnSync(process.execPath, ['cli/restorativ.ts', 'dialogues', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test' },
  });

describe('restorativ dialogues analyse-polis', () => {
  it('prints the opinion groups, the consensus, the common ground and the match with Pol.is', () => {
    const answer = restorativ('analyse-polis', seattle, '--json');
    expect(answer.status, answer.stderr).toBe(0);
    const report = JSON.parse(answer.stdout) as PolisReport;
    expect(report).toMatchObject({ participants: 339, grouped: 138, k: 2, commonGround: [] });
    expect(report.opinionGroups.flatMap((group) => group.participants)).toHaveLength(138);
    // The statements its moderators rejected (spam among them) are left out.
    expect(report.statements.length).toBeLessThan(54);
    expect(report.statements.map((statement) => statement.text)).not.toContain(
      'First piece of spam on polis!  Buy products now!',
    );
    const consensus = report.statements.map((statement) => statement.consensus);
    expect(consensus.every((value) => value > 0 && value < 1)).toBe(true);
    expect(report.polisGroups?.comparedParticipants).toBe(138);
    expect(report.polisGroups?.adjustedRandIndex).toBeGreaterThan(0.5);
    expect(report.attribution).toContain('The Computational Democracy Project');
  });

  it('says plainly what is wrong with a folder that holds no export', () => {
    const answer = restorativ('analyse-polis', fileURLToPath(new URL('.', import.meta.url)));
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain('does not hold a Pol.is export: comments.csv and votes.csv');
  });
});

describe('restorativ dialogues import-polis', () => {
  let database: TestDatabase;
  let settings: Record<string, string | undefined>;
  let programId = '';
  const importing = (...args: string[]) =>
    spawnSync(process.execPath, ['cli/restorativ.ts', 'dialogues', 'import-polis', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...settings },
    });
  const withRuntime = async <T>(work: (context: AppContext) => Promise<T>): Promise<T> => {
    const context = await openRuntime(loadConfig(settings), createLogger('silent'));
    try {
      return await work(context);
    } finally {
      await closeRuntime(context);
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    settings = {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'restorativ-import-')),
      DATABASE_URL: database.url,
      ENCRYPTION_KEY: generateEncryptionKey(),
      AUTH_SECRET: 'a secret that is long enough for the import test',
      LOG_LEVEL: 'silent',
    };
    // An organisation with its admin and a program, as `restorativ init` and the pages make them;
    // the server is stopped before the command runs, as for every command on the embedded database.
    programId = await withRuntime(async (context) => {
      const { db } = context.database;
      const organisationId = await createOrganisation(db, {
        name: 'Eastside Community Trust',
        kind: 'community_organisation',
      });
      const email = 'admin@trust.example';
      const id = await createPerson(context.auth, { name: 'Ada', email, language: 'en' });
      await grantMembership(db, { personId: id, organisationId, role: 'org_admin' });
      const admin = await demoActor(context, { id, name: 'Ada', email });
      const program = await createProgram(db, admin, organisationId, {
        name: 'Research',
        description: '',
        partners: [],
      });
      return program.id;
    });
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('imports the Seattle conversation into the program, as analyse-polis reads it', async () => {
    const answer = importing(seattle, '--program', programId, '--title', '$15 per hour');
    expect(answer.stderr).toBe('');
    expect(answer.status).toBe(0);
    expect(answer.stdout).toMatch(
      /^Imported "\$15 per hour" into Research as an archived dialogue, [\w-]+: 54 statements, \d+ participants, 2872 votes\./,
    );
    expect(answer.stdout).toContain('The Computational Democracy Project');
    const offline = analysePolisFolder(seattle);
    await withRuntime(async (context) => {
      const [dialogue] = await context.database.db.select().from(dialogues);
      expect(dialogue).toMatchObject({ title: '$15 per hour', programId });
      expect(dialogue?.importedFrom).toContain('CC BY 4.0');
      const { analysis, statements } = await analysedResults(
        context.database.db,
        dialogue as NonNullable<typeof dialogue>,
      );
      expect(analysis.opinionGroups.map((group) => group.members.length)).toEqual(
        offline.opinionGroups.map((group) => group.participants.length),
      );
      const numberOf = new Map(statements.map((s) => [s.id, String(s.number)]));
      expect(analysis.commonGround.map((id) => numberOf.get(id))).toEqual(offline.commonGround);
    });
  }, 120_000);

  it('says what is wrong, and imports nothing, for a missing folder, a bad export or program', async () => {
    const nowhere = importing('/nowhere/at/all', '--program', programId);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain(
      '/nowhere/at/all does not hold a Pol.is export: comments.csv and votes.csv are missing.',
    );
    const broken = mkdtempSync(join(tmpdir(), 'polis-'));
    copyFileSync(join(seattle, 'comments.csv'), join(broken, 'comments.csv'));
    writeFileSync(
      join(broken, 'votes.csv'),
      'timestamp,datetime,comment-id,voter-id,vote\n1403058993627,x,53,7,yes\n',
    );
    const bad = importing(broken, '--program', programId);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      'This export cannot be read: votes.csv, line 2: vote should be 1, -1 or 0.',
    );
    const noProgram = importing(seattle);
    expect(noProgram.status).toBe(2);
    expect(noProgram.stderr).toContain('Name the program to import into with --program.');
    const unknown = importing(seattle, '--program', crypto.randomUUID());
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('There is no program');
    await withRuntime(async (context) => {
      expect(await context.database.db.select().from(dialogues)).toHaveLength(1);
    });
  }, 120_000);
});
