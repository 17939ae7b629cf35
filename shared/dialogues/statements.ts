// What a statement must be before it enters a dialogue: words, at most 280 characters, not the
// same as one already there (the same words, whatever their case, spacing or punctuation). And
// words that suggest someone may be in danger or thinking of harming themselves are not
// published: the statement goes to the facilitator, who can reach out, with the crisis lines shown
// to its author. The list is short and plain on purpose, in English and Spanish; it errs towards
// sending a statement to a person, never towards publishing it.

export const STATEMENT_MAX = 280;

export type StatementCheck =
  | { ok: true; crisis: boolean }
  | { ok: false; problem: 'empty' | 'too_long' | 'duplicate' };

/** The words of a statement, for comparing: lower case, letters and digits, single spaces. */
export function normalisedStatement(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const crisisPatterns = [
  /\bkill(ing)? my ?self\b/,
  /\bend(ing)? my (own )?life\b/,
  /\bsuicid/,
  /\bhurt(ing)? my ?self\b/,
  /\bwant to die\b/,
  /\bno reason to live\b/,
  /\bnot safe (at home|where i live)\b/,
  /\bmatarme\b/,
  /\bquitarme la vida\b/,
  /\bhacerme dano\b/,
  /\bquiero morir(me)?\b/,
  /\bno (quiero|vale la pena) seguir viviendo\b/,
  /\bno estoy a salvo\b/,
];

/** Whether the words suggest the author or someone else may be in danger. */
export function soundsLikeCrisis(text: string): boolean {
  const words = normalisedStatement(text);
  return crisisPatterns.some((pattern) => pattern.test(words));
}

export function checkStatement(text: string, existing: readonly string[]): StatementCheck {
  const words = normalisedStatement(text);
  if (words === '') return { ok: false, problem: 'empty' };
  if (text.trim().length > STATEMENT_MAX) return { ok: false, problem: 'too_long' };
  if (existing.some((other) => normalisedStatement(other) === words)) {
    return { ok: false, problem: 'duplicate' };
  }
  return { ok: true, crisis: soundsLikeCrisis(text) };
}
