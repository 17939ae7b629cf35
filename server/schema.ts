// Every table of the platform and of every feature, from which drizzle-kit writes migrations.
export * from './features/circles/schema.ts';
export * from './features/commitments/schema.ts';
export * from './features/conferences/schema.ts';
export * from './features/dialogues/schema.ts';
export * from './features/invitations/schema.ts';
export * from './features/measurement/schema.ts';
export * from './features/organisations/schema.ts';
export * from './features/training/schema.ts';
export * from './features/youth/schema.ts';
export * from './platform/audit/schema.ts';
export * from './platform/auth/schema.ts';
export * from './platform/instance/schema.ts';
export * from './platform/jobs/schema.ts';
export * from './platform/mail/schema.ts';
