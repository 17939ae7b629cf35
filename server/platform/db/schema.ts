// Every table of every feature, for Drizzle's typed queries and drizzle-kit's migrations.
export * from '../instance/schema.ts';
export * from '../jobs/schema.ts';
export * from '../mail/schema.ts';
