import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Facts about this installation (when it was installed, its chosen name), one row per key.
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
