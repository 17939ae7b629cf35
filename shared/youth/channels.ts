// No private channel between an adult and a minor. Every way a message can travel (a circle's
// private word, a mentoring pair's messages, one person writing to another) is described by who
// can read what is said on it, and asked here before anything is sent:
// - a channel without a minor among its readers is left alone;
// - a channel with a minor needs at least two adults who answer to the program (its staff)
//   among its readers, so that no one adult is ever alone with a young person in writing.
// A guardian reading along is welcome, but does not count as one of the two: the rule is about
// the program's own adults watching each other.

export interface Reader {
  id: string;
  /** A young person under 18. */
  minor: boolean;
  /** An adult who answers to the program: a coordinator, facilitator, officer or admin. */
  staff: boolean;
}

export type ChannelRefusal =
  /** A minor would be alone in writing with one adult of the program (or with none). */
  'alone_with_minor';

/** Why a channel with these readers may not carry messages; null when it may. */
export function channelRefusal(readers: readonly Reader[]): ChannelRefusal | null {
  if (!readers.some((reader) => reader.minor)) return null;
  const staff = new Set(
    readers.filter((reader) => reader.staff && !reader.minor).map((reader) => reader.id),
  );
  return staff.size >= 2 ? null : 'alone_with_minor';
}

/**
 * Who reads a mentoring pair's messages: the mentor and the young person, every coordinator
 * of the program, and the guardian when the program lets guardians read along.
 */
export function mentoringReaders(pair: {
  mentor: Reader;
  youngPerson: Reader;
  coordinators: readonly Reader[];
  guardian: Reader | null;
}): Reader[] {
  const readers = [pair.mentor, pair.youngPerson, ...pair.coordinators];
  return pair.guardian ? [...readers, pair.guardian] : readers;
}

/** Who reads a private word asked for in a circle: the one who asks, and the keepers present. */
export const privateWordReaders = (asker: Reader, keepersPresent: readonly Reader[]): Reader[] => [
  asker,
  ...keepersPresent,
];

/** One person writing to another and no one else: refused whenever either is a minor. */
export const directReaders = (from: Reader, to: Reader): Reader[] => [from, to];
