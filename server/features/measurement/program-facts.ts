import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { programs } from '../organisations/schema.ts';

// What the person answering a survey is told of its program: its name, and its support lines
// (crisis lines, victim services), one tap away as on every page people answer on. Coordinators
// write the support resources as text, a line each ("Crisis line: 988"); a line's words before
// its first colon name it, the rest is how to reach it.

export interface ProgramFacts {
  name: string;
  timeZone: string;
  support: { name: string; contact: string }[];
}

export function supportLines(text: string): ProgramFacts['support'] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon <= 0
        ? { name: line, contact: '' }
        : { name: line.slice(0, colon).trim(), contact: line.slice(colon + 1).trim() };
    });
}

export async function programFacts(
  db: Database | Transaction,
  programId: string,
): Promise<ProgramFacts> {
  const [row] = await db
    .select({
      name: programs.name,
      timeZone: programs.timeZone,
      supportResources: programs.supportResources,
    })
    .from(programs)
    .where(eq(programs.id, programId));
  return {
    name: row?.name ?? '',
    timeZone: row?.timeZone ?? 'UTC',
    support: supportLines(row?.supportResources ?? ''),
  };
}
