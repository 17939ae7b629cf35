import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../../../platform/db/connection.ts';
import { organisations } from '../../organisations/schema.ts';
import { findOrganisation, findProgram, programsRunBy } from '../../organisations/service.ts';

// A register is an organisation's (every program it runs, as lead or partner) or one program's.
// Its name and the organisations that run it are public; nothing else about them is read here.

export type ScopeKind = 'organisation' | 'program';

export interface RegisterScope {
  kind: ScopeKind;
  id: string;
  name: string;
  programIds: string[];
  /** For a program, the organisations that run it, its lead first. */
  runners: string[];
}

export const scopePath = (kind: ScopeKind, id: string) =>
  `/register/${kind === 'organisation' ? 'organisations' : 'programs'}/${id}`;

/** The register, or null when there is no such organisation or program. */
export async function findScope(
  db: Database,
  kind: ScopeKind,
  id: string,
): Promise<RegisterScope | null> {
  if (kind === 'organisation') {
    const organisation = await findOrganisation(db, id);
    if (!organisation) return null;
    const run = await programsRunBy(db, id);
    return {
      kind,
      id,
      name: organisation.name,
      programIds: run.map((program) => program.id),
      runners: [],
    };
  }
  const program = await findProgram(db, id);
  if (!program) return null;
  const names = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, program.organisationIds))
    .orderBy(asc(organisations.name));
  const byId = new Map(names.map((row) => [row.id, row.name]));
  return {
    kind,
    id,
    name: program.name,
    programIds: [id],
    runners: program.organisationIds.flatMap((runner) => byId.get(runner) ?? []),
  };
}
