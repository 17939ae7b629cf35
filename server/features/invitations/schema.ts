import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { supportedLanguages } from '../../../shared/about/contract.ts';
import { roles } from '../../../shared/permissions/roles.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { organisations, programs } from '../organisations/schema.ts';

/**
 * An invitation to hold a role in an organisation or one of its programs, sent by email or
 * shared as a link. Only a hash of its token is kept: whoever reads this table cannot use one.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programId: text('program_id').references(() => programs.id),
    role: text('role').notNull(),
    delivery: text('delivery').$type<'email' | 'link'>().notNull(),
    /** The invited address, lower-cased, for an email invitation; null for a link. */
    email: text('email'),
    /** SHA-256 of the token in the link, in hex; never the token. */
    tokenHash: text('token_hash').notNull(),
    /** The language the invitation was written in, and the first choice on the page. */
    language: text('language').notNull(),
    maxUses: integer('max_uses').notNull(),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by').references(() => people.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('invitations_role_known', sql`${table.role} in (${sqlList(roles)})`),
    check(
      'invitations_language_supported',
      sql`${table.language} in (${sqlList(supportedLanguages)})`,
    ),
    // An email goes to one person; a link is for residents of one program only.
    check(
      'invitations_delivery_shape',
      sql`(${table.delivery} = 'email' and ${table.email} is not null and ${table.maxUses} = 1)
        or (${table.delivery} = 'link' and ${table.email} is null and ${table.programId} is not null
            and ${table.role} = 'resident')`,
    ),
    check(
      'invitations_uses_within_cap',
      sql`${table.uses} >= 0 and ${table.uses} <= ${table.maxUses}`,
    ),
    check(
      'invitations_revoked_with_who',
      sql`(${table.revokedAt} is null) = (${table.revokedBy} is null)`,
    ),
    uniqueIndex('invitations_token_hash').on(table.tokenHash),
    index('invitations_organisation').on(table.organisationId, table.createdAt.desc()),
  ],
);
