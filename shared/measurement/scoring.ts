import { type Construct, constructs, findItem, SCALE_MAX, SCALE_MIN } from './item-bank.ts';

// How one response becomes construct scores, all on the 1-5 scale of the items (5 = more
// respect, voice, ... safety, willingness to report).
//
// A construct's score = the mean of its answered items among those the survey asked, with
// reverse-scored items flipped (6 - answer). It is null when fewer than half of the construct's
// asked items were answered: a score from one answer out of four says too little, and leaving it
// out is more honest than guessing. "Prefer not to say" is stored as no answer (null).
//
// The trust index is the mean of four construct scores: respect, voice, neutrality and trustworthy
// motives (the procedural-justice constructs), each weighted equally, so that a construct with more
// items does not count for more. It is null unless all four have a score: an index made of two of
// them would not be the same measure as one made of four. On a pulse it is trust in the police of
// the neighbourhood; after a process the same four constructs describe how the meeting treated the
// person; for officers in training, their own procedural-justice practice. The items differ by
// kind, so dashboards compare an index only within one survey kind and never pool kinds.

export const trustIndexConstructs = ['respect', 'voice', 'neutrality', 'motives'] as const;

/** Answers by item id: 1-5, or null / absent when the person did not answer. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export type ConstructScores = Partial<Record<Construct, number | null>>;

function scoredValue(itemId: string, answer: number, reverse: boolean): number {
  // Answers are validated at the boundary; a bad one here is a programming error, never a score.
  if (!Number.isInteger(answer) || answer < SCALE_MIN || answer > SCALE_MAX) {
    throw new RangeError(`The answer to ${itemId} is ${answer}, not 1-5.`);
  }
  return reverse ? SCALE_MIN + SCALE_MAX - answer : answer;
}

/** The score of one construct for one response; null when fewer than half its asked items were answered. */
export function constructScore(
  construct: Construct,
  askedItemIds: readonly string[],
  answers: Answers,
): number | null {
  let asked = 0;
  const values: number[] = [];
  for (const id of askedItemIds) {
    const item = findItem(id);
    if (!item || item.construct !== construct) continue;
    asked += 1;
    const answer = answers[id];
    if (answer === null || answer === undefined) continue;
    values.push(scoredValue(id, answer, item.reverse));
  }
  if (asked === 0 || values.length * 2 < asked) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Scores for every construct the survey asked about (constructs not asked are absent). */
export function scoreResponse(askedItemIds: readonly string[], answers: Answers): ConstructScores {
  const scores: ConstructScores = {};
  for (const construct of constructs) {
    const asks = askedItemIds.some((id) => findItem(id)?.construct === construct);
    if (asks) scores[construct] = constructScore(construct, askedItemIds, answers);
  }
  return scores;
}

/** The mean of respect, voice, neutrality and motives; null unless all four have a score. */
export function trustIndex(scores: ConstructScores): number | null {
  let sum = 0;
  for (const construct of trustIndexConstructs) {
    const score = scores[construct];
    if (score === null || score === undefined) return null;
    sum += score;
  }
  return sum / trustIndexConstructs.length;
}
