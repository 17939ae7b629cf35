import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration from the schema; the server applies them at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/schema.ts',
  out: './server/platform/db/migrations',
});
