import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from '../../server/config.ts';
import { openEventBus } from '../../server/platform/bus/index.ts';
import { embeddedDataPath, openDatabase } from '../../server/platform/db/connection.ts';
import { DataDirInUseError } from '../../server/platform/db/data-dir-lock.ts';
import { migrationStatus } from '../../server/platform/db/migration-status.ts';
import { builtWebRoot, repositoryRoot } from '../../server/platform/paths.ts';
import { databaseTargetOf } from '../../server/platform/runtime.ts';

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

function checkMail(): Finding {
  return {
    area: 'Mail',
    verdict: 'ok',
    message: 'This version sends no email yet, so there is nothing to configure.',
  };
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
  findings.push(await checkDatabase(config), await checkRedis(config), checkMail(), checkWebApp());
  findings.push(checkPublicAddress(config));
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
