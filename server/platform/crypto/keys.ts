import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { StartupError } from '../startup-error.ts';
import type { FieldCipherKeys } from './field-cipher.ts';

// Where the keys that seal confidential fields come from: ENCRYPTION_KEY (and older keys kept
// for reading) in production; outside production, when no key is set, a development key that
// is made once and kept in DATA_DIR, so that a trial needs no setup and keeps its data readable.

const DEVELOPMENT_KEY_FILE = 'development-encryption.key';
const DEVELOPMENT_KEY_ID = 'dev';

/** A new random key as ENCRYPTION_KEY takes it: the base64 of 32 bytes. */
export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}

let warnedAboutDevelopmentKey = false;

function developmentKey(dataDir: string, log: Logger | undefined): Buffer {
  const path = join(resolve(dataDir), DEVELOPMENT_KEY_FILE);
  mkdirSync(resolve(dataDir), { recursive: true });
  try {
    // 'wx': of two processes starting at once, one writes the key and the other reads it.
    writeFileSync(path, `${generateEncryptionKey()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new StartupError(
      `The development encryption key in ${path} is damaged. Set ENCRYPTION_KEY instead (make one with: restorativ keygen).`,
    );
  }
  if (log && !warnedAboutDevelopmentKey) {
    warnedAboutDevelopmentKey = true;
    log.warn(
      { file: path },
      'ENCRYPTION_KEY is not set: confidential fields are sealed with a development key kept ' +
        'beside the data. Set ENCRYPTION_KEY before real use (make one with: restorativ keygen).',
    );
  }
  return key;
}

/** The keys the settings name; `log` receives the one-time warning about a development key. */
export function encryptionKeysOf(
  config: Pick<
    Config,
    'ENCRYPTION_KEY' | 'ENCRYPTION_KEY_ID' | 'ENCRYPTION_PREVIOUS_KEYS' | 'DATA_DIR' | 'NODE_ENV'
  >,
  log?: Logger,
): FieldCipherKeys {
  const keys = new Map<string, Buffer>();
  for (const previous of config.ENCRYPTION_PREVIOUS_KEYS) {
    keys.set(previous.id, Buffer.from(previous.key, 'base64'));
  }
  if (config.ENCRYPTION_KEY) {
    keys.set(config.ENCRYPTION_KEY_ID, Buffer.from(config.ENCRYPTION_KEY, 'base64'));
    return { currentId: config.ENCRYPTION_KEY_ID, keys };
  }
  // loadConfig refuses production without a key; this guards any other way in.
  if (config.NODE_ENV === 'production') {
    throw new StartupError('Setting ENCRYPTION_KEY is required in production.');
  }
  keys.set(DEVELOPMENT_KEY_ID, developmentKey(config.DATA_DIR, log));
  return { currentId: DEVELOPMENT_KEY_ID, keys };
}
