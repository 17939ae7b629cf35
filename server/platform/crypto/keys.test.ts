import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { createFieldCipher } from './field-cipher.ts';
import { encryptionKeysOf, generateEncryptionKey } from './keys.ts';

function configErrorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'restorativ-keys-'));

describe('encryption key settings', () => {
  it('refuses to start in production without ENCRYPTION_KEY, saying how to make one', () => {
    const message = configErrorOf({ NODE_ENV: 'production' });
    expect(message).toBe(
      'Setting ENCRYPTION_KEY is required in production; make one with: restorativ keygen (it is not set).',
    );
  });

  it.each([
    ['not base64 at all', 'correct horse battery staple'],
    ['16 bytes, too short', Buffer.alloc(16, 7).toString('base64')],
    ['33 bytes, too long', Buffer.alloc(33, 7).toString('base64')],
  ])('refuses a key that is %s, without repeating it', (_, key) => {
    const message = configErrorOf({ ENCRYPTION_KEY: key });
    expect(message).toContain(
      'Setting ENCRYPTION_KEY must be the base64 of exactly 32 random bytes',
    );
    expect(message).not.toContain(key);
    expect(message).not.toContain('\n');
  });

  it('refuses previous keys that are not id:key pairs, or that repeat the current id', () => {
    const key = generateEncryptionKey();
    expect(configErrorOf({ ENCRYPTION_PREVIOUS_KEYS: key })).toContain(
      'Setting ENCRYPTION_PREVIOUS_KEYS must be a comma-separated list of id:key',
    );
    expect(configErrorOf({ ENCRYPTION_KEY: key, ENCRYPTION_PREVIOUS_KEYS: `k1:${key}` })).toContain(
      'must not repeat a key id',
    );
    expect(configErrorOf({ ENCRYPTION_KEY_ID: 'v1.k' })).toContain('Setting ENCRYPTION_KEY_ID');
  });

  it('takes a current key and previous ones, and opens what the previous ones sealed', () => {
    const [older, current] = [generateEncryptionKey(), generateEncryptionKey()];
    const before = createFieldCipher(encryptionKeysOf(loadConfig({ ENCRYPTION_KEY: older })));
    const sealed = before.encrypt('my account of that night', 'case_statement:9');

    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: 's'.repeat(32),
      ENCRYPTION_KEY: current,
      ENCRYPTION_KEY_ID: 'k2',
      ENCRYPTION_PREVIOUS_KEYS: ` k1:${older} `,
    });
    const after = createFieldCipher(encryptionKeysOf(config));
    expect(after.decrypt(sealed, 'case_statement:9')).toBe('my account of that night');
    expect(after.needsReencryption(sealed)).toBe(true);
  });
});

describe('the development key', () => {
  it('is made once in DATA_DIR, readable only by its owner, and used again next time', () => {
    const dataDir = freshDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = createFieldCipher(encryptionKeysOf(config));
    const sealed = first.encrypt('kept across restarts', 'note:1');

    const file = join(dataDir, 'development-encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    const again = createFieldCipher(encryptionKeysOf(config));
    expect(again.decrypt(sealed, 'note:1')).toBe('kept across restarts');
  });

  it('is announced with one warning per process, not one per use', () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const config = loadConfig({ DATA_DIR: freshDir() });
    encryptionKeysOf(config, log);
    encryptionKeysOf(config, log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ENCRYPTION_KEY is not set');
    expect(lines.join('')).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  });
});
