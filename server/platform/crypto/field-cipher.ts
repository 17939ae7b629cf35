import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';

// Confidential text fields are sealed with AES-256-GCM before they reach the database, as
// "v1.<key id>.<iv>.<ciphertext and tag>" (base64url parts). The key id lets keys rotate; the
// caller's context (e.g. "case_statement:123") is authenticated with the value, so a sealed value
// copied into another row or column does not open there. See docs/decisions/010.

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export interface FieldCipherKeys {
  /** The id of the key that seals new values; it must be one of `keys`. */
  currentId: string;
  /** Every key that may open a value, the current one and older ones, by id; 32 bytes each. */
  keys: ReadonlyMap<string, Buffer>;
}

export interface FieldCipher {
  encrypt(plain: string, context: string): string;
  /** The plain text; throws a DecryptionError rather than ever returning something else. */
  decrypt(sealed: string, context: string): string;
  /** True when the value was sealed under a key other than the current one. */
  needsReencryption(sealed: string): boolean;
}

export type DecryptionFailure = 'malformed' | 'unknown-key' | 'not-authentic';

/** A sealed value that cannot be opened: its message names why, never the value or the key. */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
  readonly reason: DecryptionFailure;
  constructor(reason: DecryptionFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  body: Buffer;
}

/** Decodes base64url strictly: Node ignores stray characters, and a changed value must not open. */
function decodeStrict(part: string): Buffer | undefined {
  if (!BASE64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

function parse(sealed: string): SealedParts {
  const [version, keyId, ivPart, bodyPart, ...extra] = sealed.split('.');
  const iv = decodeStrict(ivPart ?? '');
  const body = decodeStrict(bodyPart ?? '');
  if (version !== VERSION || !keyId || !iv || !body || extra.length > 0) {
    throw new DecryptionError(
      'malformed',
      'The value is not a sealed field (v1.<key>.<iv>.<data>).',
    );
  }
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) {
    throw new DecryptionError('malformed', 'The sealed value is cut short.');
  }
  return { keyId, iv, body };
}

function additionalData(keyId: string, context: string): Buffer {
  // The header is authenticated too; a NUL cannot occur in a key id, so the two cannot blur.
  return Buffer.from(`${VERSION}.${keyId}\u0000${context}`, 'utf8');
}

export function createFieldCipher({ currentId, keys }: FieldCipherKeys): FieldCipher {
  const current = keys.get(currentId);
  if (!current) throw new Error(`The current encryption key ${currentId} is not among the keys.`);
  for (const [id, key] of keys) {
    if (key.length !== 32) throw new Error(`Encryption key ${id} is not 32 bytes long.`);
  }
  // Made once: a raw key given to each cipher costs most of the time of sealing a short value.
  const currentKey = createSecretKey(current);
  const keyObjects = new Map([...keys].map(([id, key]) => [id, createSecretKey(key)]));

  return {
    encrypt(plain, context) {
      // A lone UTF-16 surrogate cannot be stored as UTF-8: refuse it rather than alter the text.
      if (!plain.isWellFormed()) throw new TypeError('The text holds an unpaired surrogate.');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(currentId, context));
      const body = Buffer.concat([
        cipher.update(plain, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return [VERSION, currentId, iv.toString('base64url'), body.toString('base64url')].join('.');
    },

    decrypt(sealed, context) {
      const { keyId, iv, body } = parse(sealed);
      const key = keyObjects.get(keyId);
      if (!key) {
        throw new DecryptionError(
          'unknown-key',
          `The value was sealed with key "${keyId}", which is not configured (ENCRYPTION_KEY_ID, ENCRYPTION_PREVIOUS_KEYS).`,
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId, context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        const plain = Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        throw new DecryptionError(
          'not-authentic',
          `The sealed value does not open for "${context}": it was changed, or belongs elsewhere.`,
        );
      }
    },

    needsReencryption(sealed) {
      return parse(sealed).keyId !== currentId;
    },
  };
}
