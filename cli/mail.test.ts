import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { generateEncryptionKey } from '../server/platform/crypto/keys.ts';
import { createTestDatabase, type TestDatabase } from '../server/platform/db/test-database.ts';
import { createLogger } from '../server/platform/logger.ts';
import { repositoryRoot } from '../server/platform/paths.ts';
import { closeRuntime, openRuntime } from '../server/runtime.ts';
import { type SmtpSink, startSmtpSink } from '../server/testing/smtp-sink.ts';

// The mail commands as an operator runs them. Spawned without blocking, so that the SMTP server
// in this process can answer `restorativ doctor`.
function restorativ(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['cli/restorativ.ts', ...args], {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

// Each test starts the command line as its own process, which loads the whole server and opens
// the database: on a busy two-core machine one such start can take twenty seconds.
vi.setConfig({ testTimeout: 120_000 });

const freshDir = (label: string) => mkdtempSync(join(tmpdir(), `restorativ-mail-${label}-`));

describe('restorativ outbox, without a mail server', () => {
  let database: TestDatabase;
  let settings: Record<string, string | undefined>;
  let kept: number[] = [];

  // Two emails written by the server's own mail service, which then stops, as the CLI needs.
  beforeAll(async () => {
    database = await createTestDatabase();
    settings = {
      DATA_DIR: freshDir('outbox'),
      DATABASE_URL: database.url,
      ENCRYPTION_KEY: generateEncryptionKey(),
      LOG_LEVEL: 'silent',
    };
    const config = loadConfig(settings);
    const context = await openRuntime(config, createLogger('silent'));
    try {
      const invitation = await context.mail.send({
        to: 'vecina@example.org',
        template: 'invitation',
        language: 'es',
        data: {
          inviterName: 'Ana Ruiz',
          programName: 'Círculos del Eastside',
          link: 'https://rj.example.org/join/invite-token',
          expiresAt: new Date('2026-06-12T18:00:00Z'),
        },
      });
      const signIn = await context.mail.send({
        to: 'facilitator@example.org',
        template: 'magic-link',
        language: 'en',
        data: {
          link: 'https://rj.example.org/sign-in/magic-token',
          validMinutes: 15,
        },
      });
      kept = [invitation.outboxId, signIn.outboxId];
    } finally {
      await closeRuntime(context);
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('lists the latest emails, newest first, marked kept, without their links', async () => {
    const { code, out } = await restorativ(['outbox'], settings);
    expect(code).toBe(0);
    const lines = out.split('\n');
    const rowOf = (id: number | undefined) => lines.findIndex((line) => line.startsWith(`${id} `));
    expect(rowOf(kept[1])).toBeGreaterThan(0);
    expect(rowOf(kept[1])).toBeLessThan(rowOf(kept[0]));
    expect(lines[rowOf(kept[0])]).toMatch(
      /kept +vecina@example\.org +Ana Ruiz le invita a participar en Círculos del Eastside$/,
    );
    expect(lines[rowOf(kept[1])]).toMatch(/kept +facilitator@example\.org +Your sign-in link/);
    expect(out).toContain('"kept" emails were not sent: SMTP_URL is not set.');
    expect(out).not.toContain('magic-token');
  });

  it('shows one email in full with --show, its link included', async () => {
    const { code, out } = await restorativ(['outbox', '--show', String(kept[1])], settings);
    expect(code).toBe(0);
    expect(out).toContain('To:       facilitator@example.org');
    expect(out).toContain('Subject:  Your sign-in link for Restorativ');
    expect(out).toContain('https://rj.example.org/sign-in/magic-token');
  });

  it('says so when there is no such email', async () => {
    const missing = await restorativ(['outbox', '--show', '999999'], settings);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('There is no email 999999 in the outbox.');
  });

  it('says so, showing nothing, when the key that sealed an email is missing', async () => {
    const otherKey = {
      ...settings,
      ENCRYPTION_KEY: generateEncryptionKey(),
      ENCRYPTION_KEY_ID: 'k2',
    };
    const unreadable = await restorativ(['outbox', '--show', String(kept[1])], otherKey);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain(
      'This email cannot be read: The value was sealed with key "k1"',
    );
    expect(unreadable.out).not.toContain('magic-token');
  });
});

describe('restorativ doctor on mail', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });

  afterAll(async () => {
    await sink?.stop();
  });

  const doctor = (extra: Record<string, string>) =>
    restorativ(['doctor'], { DATA_DIR: freshDir('doctor'), ...extra });

  it('says that email is kept in the outbox when SMTP_URL is not set', async () => {
    const { code, out } = await doctor({});
    expect(code).toBe(0);
    expect(out).toContain('✓ Mail: Email is kept in the outbox, not sent (set SMTP_URL).');
  });

  it('signs in to the mail server that SMTP_URL names', async () => {
    const { code, out } = await doctor({ SMTP_URL: sink.url });
    expect(code).toBe(0);
    expect(out).toContain(`✓ Mail: The mail server at 127.0.0.1:${sink.port} accepts us`);
  });

  it('names a wrong password or a server that does not answer, never the password', async () => {
    const wrong = await doctor({ SMTP_URL: `smtp://restorativ:guess@127.0.0.1:${sink.port}` });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain(
      `✗ Mail: The mail server at 127.0.0.1:${sink.port} refused the user name or password in SMTP_URL`,
    );
    expect(wrong.out).not.toContain('guess');

    const down = await doctor({ SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(down.code).toBe(1);
    expect(down.out).toContain('✗ Mail: Nothing answers at 127.0.0.1:1');
  });
});
