import type { AuditDetails } from '../../platform/audit/schema.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { DialogueRow } from './access.ts';

// Every change to a dialogue is written to the audit trail, as the last step of its
// transaction. Ids, codes and counts only: never a statement's words, a response, a report's
// reason, a display name or a neighbourhood (platform/audit/service.ts says why). Votes are not
// audited: who voted how is what the dialogue promises never to tell, and the votes table is
// their record.

export type DialogueAuditAction =
  | 'dialogue.created'
  | 'dialogue.updated'
  | 'dialogue.closed'
  | 'dialogue.join_link_created'
  | 'dialogue.joined'
  | 'dialogue.statement_added'
  | 'dialogue.statement_reported'
  | 'dialogue.response_saved'
  | 'dialogue.statement_moderated'
  | 'dialogue.participant_blocked';

export async function auditDialogue(
  tx: Transaction,
  context: AppContext,
  event: {
    personId: string;
    organisationId: string;
    dialogue: Pick<DialogueRow, 'id' | 'programId'>;
    action: DialogueAuditAction;
    details?: AuditDetails;
  },
): Promise<void> {
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: event.personId,
      organisationId: event.organisationId,
      action: event.action,
      targetType: 'dialogue',
      targetId: event.dialogue.id,
      outcome: 'succeeded',
      details: { programId: event.dialogue.programId, ...event.details },
    },
    tx,
  );
}
