import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  DialogueDetail,
  NextStatement,
  VotableStatement,
} from '../../../shared/dialogues/contract.ts';
import { nextKey, reportStatement, respondAsOfficer } from './api.ts';
import { ReasonAction } from './ReasonAction.tsx';
import { withResponse } from './responses.ts';

/**
 * What else a participant can do with a statement: report it to the facilitator, and for a
 * verified officer, respond to it as an officer (the response is shown under an officer's label).
 */
export function StatementActions({
  dialogue,
  statement,
}: {
  dialogue: DialogueDetail;
  statement: VotableStatement;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const number = statement.number;
  return (
    <>
      {dialogue.you?.role === 'officer' ? (
        <ReasonAction
          label={t('dialogues.respond.action')}
          ariaLabel={t('dialogues.respond.actionFull', { number })}
          title={t('dialogues.respond.title', { number })}
          body={t('dialogues.respond.body')}
          fieldLabel={t('dialogues.respond.label')}
          field="text"
          confirm={t('dialogues.respond.confirm')}
          done={t('dialogues.respond.done')}
          variant="primary"
          triggerVariant="secondary"
          send={async (text) => {
            await respondAsOfficer(dialogue.id, statement.id, text);
            // The same statement stays, with the response under it (see responses.ts).
            queryClient.setQueryData<NextStatement>(nextKey(dialogue.id), (next) =>
              withResponse(next, statement.id, {
                displayName: dialogue.you?.displayName ?? '',
                text: text.trim(),
                at: new Date().toISOString(),
              }),
            );
          }}
        />
      ) : null}
      <ReasonAction
        label={t('dialogues.flag.action')}
        ariaLabel={t('dialogues.flag.actionFull', { number })}
        title={t('dialogues.flag.title', { number })}
        body={t('dialogues.flag.body')}
        fieldLabel={t('dialogues.flag.label')}
        confirm={t('dialogues.flag.confirm')}
        done={t('dialogues.flag.done')}
        variant="primary"
        triggerVariant="quiet"
        send={(reason) => reportStatement(dialogue.id, statement.id, reason)}
      />
    </>
  );
}
