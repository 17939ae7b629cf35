import { useTranslation } from 'react-i18next';
import type {
  DialogueState,
  StatementStatus,
  VotableStatement,
} from '../../../shared/dialogues/contract.ts';

/** A dialogue's state in words, beside a dot: never a colour alone. */
export function StateMark({ state }: { state: DialogueState }) {
  const { t } = useTranslation();
  return (
    <span className={`dialogue-state dialogue-state--${state}`}>
      <span className="dialogue-state__dot" aria-hidden="true" />
      {t(`dialogues.states.${state}`)}
    </span>
  );
}

/**
 * Who wrote a statement, by role only. An officer's words are always labelled as an officer's;
 * a resident's carry no badge beyond the words, so that no one is singled out.
 */
export function AuthorMark({ role }: { role: VotableStatement['authorRole'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge dialogue-author dialogue-author--${role}`}>
      {t(`dialogues.authors.${role}`)}
    </span>
  );
}

/** Where one of the participant's own statements stands, in words. */
export function StatusMark({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge dialogue-status dialogue-status--${status}`}>
      {t(`dialogues.statuses.${status}`)}
    </span>
  );
}
