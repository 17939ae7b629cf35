import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret for a trial or development installation, made once and kept in DATA_DIR so that it
 * survives restarts. Production installations set their secrets in the environment instead
 * (config.ts refuses to start without them).
 */
export function developmentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, `development-${name}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

/**
 * Keys of their own for each purpose, derived from the installation's secret, so that a token or
 * a keyed hash made for one use is worthless for any other.
 */
export function keyDeriver(secret: string): (purpose: string) => Buffer {
  return (purpose) => createHmac('sha256', secret).update(`restorativ ${purpose}`).digest();
}
