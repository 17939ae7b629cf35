import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, DecryptionError, type FieldCipher } from './field-cipher.ts';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const underOldKey = createFieldCipher({ currentId: 'k1', keys: new Map([['k1', oldKey]]) });
const afterRotation = createFieldCipher({
  currentId: 'k2',
  keys: new Map([
    ['k2', newKey],
    ['k1', oldKey],
  ]),
});

const context = 'case_statement:123';
const statement = 'I was stopped three times on my way to work, and nobody told me why.';

function failureOf(cipher: FieldCipher, sealed: string, where = context): string {
  try {
    cipher.decrypt(sealed, where);
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    return (error as DecryptionError).reason;
  }
  throw new Error('expected the value not to open');
}

describe('sealing confidential text fields', () => {
  it('gives back exactly the text it sealed, for any text, empty or long', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 20_000 })),
        fc.string(),
        (plain, where) => underOldKey.decrypt(underOldKey.encrypt(plain, where), where) === plain,
      ),
      { numRuns: 300 },
    );
  });

  it('writes a compact self-describing value that does not reveal the text', () => {
    const sealed = underOldKey.encrypt(statement, context);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('stopped');
    // A fresh IV each time: the same text sealed twice looks different.
    expect(underOldKey.encrypt(statement, context)).not.toBe(sealed);
  });

  it('refuses a value with any one character changed, never returning other text', () => {
    const sealed = underOldKey.encrypt(statement, context);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!=';
    fc.assert(
      fc.property(
        fc.nat({ max: sealed.length - 1 }),
        fc.constantFrom(...alphabet),
        (index, replacement) => {
          fc.pre(sealed[index] !== replacement);
          const changed = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
          expect(() => underOldKey.decrypt(changed, context)).toThrow(DecryptionError);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a value with any bit of its IV, ciphertext or tag flipped', () => {
    const sealed = underOldKey.encrypt(statement, context);
    const [version, keyId, iv, body] = sealed.split('.') as [string, string, string, string];
    const bytes = Buffer.concat([Buffer.from(iv, 'base64url'), Buffer.from(body, 'base64url')]);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length * 8 - 1 }), (bit) => {
        const flipped = Buffer.from(bytes);
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        const value = [
          version,
          keyId,
          flipped.subarray(0, 12).toString('base64url'),
          flipped.subarray(12).toString('base64url'),
        ].join('.');
        expect(failureOf(underOldKey, value)).toBe('not-authentic');
      }),
    );
  });

  it('refuses a value copied into another row', () => {
    const sealed = underOldKey.encrypt(statement, 'case_statement:123');
    expect(failureOf(underOldKey, sealed, 'case_statement:124')).toBe('not-authentic');
  });

  it('says so when the value is not a sealed field at all', () => {
    expect(failureOf(underOldKey, statement)).toBe('malformed');
    expect(failureOf(underOldKey, 'v1.k1.AAAA.AAAA')).toBe('malformed');
    expect(failureOf(underOldKey, '')).toBe('malformed');
  });

  it('opens values sealed under a previous key after rotation, and tells them apart', () => {
    const sealedBefore = underOldKey.encrypt(statement, context);
    expect(afterRotation.decrypt(sealedBefore, context)).toBe(statement);
    expect(afterRotation.needsReencryption(sealedBefore)).toBe(true);

    const sealedAfter = afterRotation.encrypt(statement, context);
    expect(sealedAfter.startsWith('v1.k2.')).toBe(true);
    expect(afterRotation.needsReencryption(sealedAfter)).toBe(false);
    expect(underOldKey.needsReencryption(sealedBefore)).toBe(false);
  });

  it('names the key id when a value was sealed under a key that is no longer configured', () => {
    const sealed = afterRotation.encrypt(statement, context);
    expect(failureOf(underOldKey, sealed)).toBe('unknown-key');
    expect(() => underOldKey.decrypt(sealed, context)).toThrow(/key "k2"/);
  });

  it('refuses text that cannot be stored as UTF-8 rather than alter it', () => {
    expect(() => underOldKey.encrypt('half a pair: \ud83d', context)).toThrow(TypeError);
  });

  it('refuses to start without the current key among the keys', () => {
    expect(() => createFieldCipher({ currentId: 'k9', keys: new Map([['k1', oldKey]]) })).toThrow(
      /k9/,
    );
  });
});
