// Which statement a participant votes on next: one they have not seen, favouring those with few
// votes so that every statement gathers enough to be analysed (Pol.is does the same), chosen at
// random among them so that no statement always comes first. Pure: the random draw comes in.

export interface StatementToVote {
  id: string;
  /** Votes it has so far, from everyone. */
  votes: number;
}

/**
 * The next statement for someone who has seen `seen`, or null when they have seen them all.
 * Each unseen statement is drawn with weight 1 / (1 + its votes); `random` is in [0, 1).
 */
export function nextStatement(
  statements: readonly StatementToVote[],
  seen: ReadonlySet<string>,
  random: number,
): string | null {
  const unseen = statements.filter((statement) => !seen.has(statement.id));
  if (unseen.length === 0) return null;
  const weights = unseen.map((statement) => 1 / (1 + Math.max(0, statement.votes)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let draw = Math.min(Math.max(random, 0), 1 - Number.EPSILON) * total;
  for (let index = 0; index < unseen.length; index += 1) {
    draw -= weights[index] ?? 0;
    if (draw < 0) return unseen[index]?.id ?? null;
  }
  return unseen.at(-1)?.id ?? null;
}
