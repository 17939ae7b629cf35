import { type SQL, sql } from 'drizzle-orm';

/**
 * A list of known words as SQL literals, for check constraints such as `status in (...)`: the
 * words come from the code's own constants, never from a request.
 */
export const sqlList = (values: readonly string[]): SQL =>
  sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', '));
