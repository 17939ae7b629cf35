import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { programs } from '../organisations/schema.ts';

/** The program's support resources (crisis lines, victim services), as its coordinators wrote them. */
export async function supportFor(db: Database | Transaction, programId: string): Promise<string> {
  const [row] = await db
    .select({ supportResources: programs.supportResources })
    .from(programs)
    .where(eq(programs.id, programId));
  return row?.supportResources ?? '';
}
