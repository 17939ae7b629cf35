#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { StartupError } from '../server/platform/startup-error.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { demoCommand } from './commands/demo.ts';
import { dialoguesCommand } from './commands/dialogues.ts';
import { doctorCommand } from './commands/doctor.ts';
import { initCommand } from './commands/init.ts';
import { keygenCommand } from './commands/keygen.ts';
import { migrateCommand } from './commands/migrate.ts';
import { outboxCommand } from './commands/outbox.ts';

// The admin command line. Each command reads the same settings as the server.

const usage = `Usage: restorativ <command> [options]

Commands:
  init --org NAME --kind KIND --admin-email EMAIL [--admin-name NAME]
                          Create the first organisation and its admin; prints a link to set a password.
  demo                    Fill an empty database with a demo organisation to try Restorativ out.
  migrate                 Bring the database schema up to date.
  doctor                  Check the settings, database, Redis and mail, and say what is wrong.
  backup [--out FILE]     Save the embedded database to a file (the server must be stopped).
  restore FILE [--force]  Replace the embedded database with a backup (the server must be stopped).
  audit verify            Check that no audit event was altered, removed or reordered.
  outbox [--show ID]      List the latest emails, or show one in full with its links.
  keygen                  Print a new random key for ENCRYPTION_KEY.
  dialogues analyse-polis DIR [--json]
                          Analyse a Pol.is export (comments.csv, votes.csv): opinion groups,
                          consensus, common ground, and how they compare with Pol.is's own groups.
  dialogues import-polis DIR --program PROGRAM_ID [--title TITLE]
                          Import a Pol.is export into a program as an archived dialogue.
  help                    Show this help.

Settings come from the environment, as for the server (see the README).`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      org: { type: 'string' },
      kind: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      show: { type: 'string' },
      program: { type: 'string' },
      title: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || command === 'help' || values.help) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  if (command === 'doctor') return doctorCommand(process.env);
  if (command === 'keygen') return keygenCommand();
  if (command === 'dialogues') {
    return dialoguesCommand(rest, {
      json: values.json,
      ...(values.program === undefined ? {} : { program: values.program }),
      ...(values.title === undefined ? {} : { title: values.title }),
      config: () => loadConfig(),
    });
  }
  const config = loadConfig();
  switch (command) {
    case 'init':
      return initCommand(config, values);
    case 'demo':
      return demoCommand(config);
    case 'migrate':
      return migrateCommand(config);
    case 'backup':
      return backupCommand(config, values.out);
    case 'restore':
      return restoreCommand(config, rest[0], values.force);
    case 'audit':
      return auditCommand(config, rest);
    case 'outbox':
      return outboxCommand(config, values.show);
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    console.error('restorativ: an unexpected error occurred.', error);
    process.exitCode = 1;
  },
);
