// Every table of every feature, for Drizzle's typed queries and drizzle-kit's migrations.
export * from '../audit/schema.ts';
export * from '../instance/schema.ts';
export * from '../jobs/schema.ts';
