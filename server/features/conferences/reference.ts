import { randomInt } from 'node:crypto';

// A case's reference is what a referrer or a facilitator says on the phone ("RC-4K7Q2"): short,
// random (never made from a name or a date, which would say something about the case), and
// without the letters and digits people confuse (0 and O, 1, I and L, U and V).

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const LENGTH = 5;

export function newCaseReference(): string {
  let code = '';
  for (let index = 0; index < LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `RC-${code}`;
}
