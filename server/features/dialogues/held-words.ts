import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { dialogueStatements } from './schema.ts';

// The words of a statement held for crisis wording are sealed at rest (docs/decisions/010): they
// may tell of someone in danger, and only their author and the dialogue's facilitators read
// them. The row keeps empty words and a duplicate key of its own until a facilitator publishes it.

type StatementWords = Pick<typeof dialogueStatements.$inferSelect, 'id' | 'text' | 'sealedText'>;

const contextOf = (statementId: string) => `dialogue_statement:${statementId}`;

export function sealHeldWords(cipher: FieldCipher, statementId: string, words: string): string {
  return cipher.encrypt(words, contextOf(statementId));
}

/** What a held statement's row keeps in place of its words. */
export const heldRowWords = (statementId: string, sealed: string) => ({
  text: '',
  sealedText: sealed,
  normalised: `held ${statementId}`,
});

/** A statement's words, opened when they were sealed. */
export function wordsOf(cipher: FieldCipher, row: StatementWords): string {
  return row.sealedText === null ? row.text : cipher.decrypt(row.sealedText, contextOf(row.id));
}
