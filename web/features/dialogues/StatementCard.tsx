import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  OfficerResponse,
  VotableStatement,
  VoteChoice,
} from '../../../shared/dialogues/contract.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { AuthorMark } from './marks.tsx';
import { VoteButtons } from './VoteButtons.tsx';

function ResponseView({ response }: { response: OfficerResponse }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  return (
    <li className="officer-response">
      <p className="officer-response__head">
        <span className="badge dialogue-author dialogue-author--officer">
          {t('dialogues.vote.officerResponse')}
        </span>{' '}
        <span>{response.displayName}</span>
      </p>
      <p className="officer-response__text">{response.text}</p>
      <p className="dialogue-muted">{formatTime(response.at)}</p>
    </li>
  );
}

/**
 * One statement to vote on: its number, its words, who wrote it (by role), the officers'
 * responses under a clear label, the three choices, and `actions` (report, respond) under them.
 */
export function StatementCard({
  statement,
  headingRef,
  currentVote,
  busy,
  onVote,
  actions,
}: {
  statement: VotableStatement;
  headingRef: Ref<HTMLHeadingElement>;
  currentVote: VoteChoice | null;
  busy: boolean;
  onVote: (choice: VoteChoice) => void;
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article className="statement-card" aria-labelledby="statement-card-heading">
      <div className="statement-card__head">
        <h2 ref={headingRef} id="statement-card-heading" tabIndex={-1}>
          {t('dialogues.vote.statementNumber', { number: statement.number })}
        </h2>
        <AuthorMark role={statement.authorRole} />
      </div>
      <p className="statement-card__text" lang={statement.language}>
        {statement.text}
      </p>
      {statement.responses.length > 0 ? (
        <section aria-label={t('dialogues.vote.responsesLabel')}>
          <ul className="officer-responses">
            {statement.responses.map((response) => (
              <ResponseView key={`${response.at}-${response.displayName}`} response={response} />
            ))}
          </ul>
        </section>
      ) : null}
      <VoteButtons current={currentVote} busy={busy} onVote={onVote} number={statement.number} />
      <div className="statement-card__actions">{actions}</div>
    </article>
  );
}
