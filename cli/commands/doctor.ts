import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from '../../server/config.ts';
import { openEventBus } from '../../server/platform/bus/index.ts';
import { embeddedDataPath, openDatabase } from '../../server/platform/db/connection.ts';
import { DataDirInUseError } from '../../server/platform/db/data-dir-lock.ts';
import { migrationStatus } from '../../server/platform/db/migration-status.ts';
import {
  createSmtpTransport,
  describeSmtpServer,
  explainSmtpError,
} from '../../server/platform/mail/transport.ts';
import { builtWebRoot, repositoryRoot } from '../../server/platform/paths.ts';
import { databaseTargetOf } from '../../server/runtime.ts';

// `restorativ doctor`: every check in plain words, each marked ok, warning or problem.

type Verdict = 'ok' | 'warning' | 'problem';
interface Finding {
  area: string;
  verdict: Verdict;
  message: string;
}

const MARK: Record<Verdict, string> = { ok: '✓', warning: '!', problem: '✗' };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function checkDatabase(config: Config): Promise<Finding> {
  const area = 'Database';
  if (config.databaseKind === 'embedded' && !existsSync(embeddedDataPath(config.DATA_DIR))) {
    return {
      area,
      verdict: 'ok',
      message: `There is no embedded database in ${resolve(config.DATA_DIR)} yet; the server creates it when it first starts.`,
    };
  }
  try {
    const database = await openDatabase(databaseTargetOf(config, 'restorativ doctor'));
    try {
      await database.ping();
      const { known, applied } = await migrationStatus(database.db);
      const where =
        config.databaseKind === 'embedded'
          ? `The embedded database in ${resolve(config.DATA_DIR)}`
          : 'PostgreSQL (DATABASE_URL)';
      if (applied < known) {
        return {
          area,
          verdict: 'warning',
          message: `${where} answers, but ${known - applied} of ${known} migrations are not applied yet. The server applies them when it starts, or run: restorativ migrate`,
        };
      }
      return { area, verdict: 'ok', message: `${where} answers and is up to date.` };
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      return {
        area,
        verdict: 'ok',
        message: `${describeError(error).split(' Stop that process')[0]} The server's own /ready check covers it.`,
      };
    }
    return { area, verdict: 'problem', message: describeError(error) };
  }
}

async function checkRedis(config: Config): Promise<Finding> {
  const area = 'Redis';
  if (!config.REDIS_URL) {
    return {
      area,
      verdict: 'ok',
      message: 'REDIS_URL is not set: one server process, with its events kept in process.',
    };
  }
  try {
    const bus = await openEventBus(config.REDIS_URL, pino({ level: 'silent' }));
    await bus.ping();
    await bus.close();
    return {
      area,
      verdict: 'ok',
      message: 'Redis answers; several server processes can share live rooms.',
    };
  } catch (error) {
    return { area, verdict: 'problem', message: describeError(error) };
  }
}

function checkEncryption(config: Config): Finding {
  const area = 'Encryption';
  if (!config.ENCRYPTION_KEY) {
    return {
      area,
      verdict: 'warning',
      message: `ENCRYPTION_KEY is not set, so confidential fields are sealed with a development key kept in ${resolve(config.DATA_DIR)}. Set ENCRYPTION_KEY before real use (make one with: restorativ keygen).`,
    };
  }
  const older = config.ENCRYPTION_PREVIOUS_KEYS.length;
  return {
    area,
    verdict: 'ok',
    message: `Confidential fields are sealed with key "${config.ENCRYPTION_KEY_ID}"${older ? `; ${older} older key(s) can still open older values` : ''}.`,
  };
}

async function checkMail(config: Config): Promise<Finding> {
  const area = 'Mail';
  if (!config.SMTP_URL) {
    return {
      area,
      verdict: 'ok',
      message: 'Email is kept in the outbox, not sent (set SMTP_URL).',
    };
  }
  const transport = createSmtpTransport(config.SMTP_URL);
  try {
    await transport.verify();
    return {
      area,
      verdict: 'ok',
      message: `The mail server at ${describeSmtpServer(config.SMTP_URL)} accepts us; email goes out from ${config.MAIL_FROM}.`,
    };
  } catch (error) {
    return { area, verdict: 'problem', message: explainSmtpError(error, config.SMTP_URL) };
  } finally {
    transport.close();
  }
}

function checkWebApp(): Finding {
  const built = existsSync(join(builtWebRoot, 'index.html'));
  return built
    ? { area: 'Web app', verdict: 'ok', message: 'The web app is built.' }
    : {
        area: 'Web app',
        verdict: 'warning',
        message: 'The web app is not built yet. `npm start` builds it, or run: npm run build',
      };
}

function checkPublicAddress(config: Config): Finding {
  if (config.NODE_ENV === 'production' && !config.PUBLIC_URL) {
    return {
      area: 'Address',
      verdict: 'warning',
      message: `PUBLIC_URL is not set, so links will point to ${config.publicUrl}. Set it to the address people use.`,
    };
  }
  return {
    area: 'Address',
    verdict: 'ok',
    message: `People reach this server at ${config.publicUrl}.`,
  };
}

export async function doctorCommand(env: NodeJS.ProcessEnv): Promise<number> {
  let config: Config;
  const findings: Finding[] = [];
  try {
    config = loadConfig(env);
    findings.push({ area: 'Settings', verdict: 'ok', message: 'Every setting is valid.' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    findings.push({ area: 'Settings', verdict: 'problem', message: error.message });
    report(findings);
    return 1;
  }
  findings.push(
    await checkDatabase(config),
    await checkRedis(config),
    await checkMail(config),
    checkWebApp(),
  );
  findings.push(checkEncryption(config), checkPublicAddress(config));
  report(findings);
  return findings.some((finding) => finding.verdict === 'problem') ? 1 : 0;
}

function report(findings: Finding[]): void {
  const version = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).version;
  console.log(`Restorativ ${version}: checking this installation\n`);
  for (const { area, verdict, message } of findings) {
    console.log(`${MARK[verdict]} ${area}: ${message}`);
  }
  const problems = findings.filter((finding) => finding.verdict === 'problem').length;
  console.log(problems ? `\n${problems} problem(s) to fix.` : '\nNothing to fix.');
}
