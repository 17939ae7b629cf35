import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection.ts';
import type { AuditEvent } from './service.ts';

// Helpers for tests that play the tamperer: they reach around the append-only triggers the way
// someone with superuser rights on the database could.

/**
 * Runs `work` with every ordinary trigger switched off for this transaction only. Works on
 * PostgreSQL (as a superuser, as the test server's user is) and on the embedded database.
 */
export async function withAuditTriggersBypassed(
  db: Database,
  work: (tx: Transaction) => Promise<unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work(tx);
  });
}

/** Every message in an error and its causes: drivers wrap the database's own message. */
export function errorMessages(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    messages.push(current.message);
  }
  return messages.join(' <- ');
}

/** An ordinary event, as a feature would record a read of a statement. */
export function statementRead(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    actorKind: 'person',
    actorId: 'person_facilitator_1',
    organisationId: 'org_eastside',
    action: 'case.statement.read',
    targetType: 'statement',
    targetId: 'statement_42',
    outcome: 'allowed',
    requestId: 'req_1',
    ip: '203.0.113.0/24',
    details: { caseId: 'case_7' },
    ...overrides,
  };
}
