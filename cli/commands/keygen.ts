import { generateEncryptionKey } from '../../server/platform/crypto/keys.ts';

// `restorativ keygen`: a new random key for ENCRYPTION_KEY, printed alone on its line so that
// it can be piped straight into a secret store.
export function keygenCommand(): number {
  console.log(generateEncryptionKey());
  console.error(
    'Set it as ENCRYPTION_KEY and keep a copy somewhere safe: without it, confidential fields cannot be read.',
  );
  return 0;
}
