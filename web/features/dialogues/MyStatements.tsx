import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyStatement } from '../../../shared/dialogues/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';
import { fetchMine, mineKey } from './api.ts';
import { StatusMark } from './marks.tsx';
import { SupportLines } from './SupportLines.tsx';

/** What a status means for the person who wrote the statement, in a sentence. */
export function Outcome({
  statement,
  folded = false,
}: {
  statement: MyStatement;
  /**
   * In the list of one's statements: the help is a tap away rather than repeated in full, and a
   * waiting or published statement needs no more than its mark.
   */
  folded?: boolean;
}) {
  const { t } = useTranslation();
  if (statement.status === 'held') {
    const lines = <SupportLines resources={statement.support?.resources ?? null} />;
    return (
      <div className="dialogue-outcome dialogue-outcome--held">
        <p>{t('dialogues.outcomes.held')}</p>
        {folded ? (
          <details className="dialogue-support-details">
            <summary>{t('dialogues.support.show')}</summary>
            {lines}
          </details>
        ) : (
          lines
        )}
      </div>
    );
  }
  if (statement.status === 'rejected' || statement.status === 'hidden') {
    return (
      <div className={`dialogue-outcome dialogue-outcome--${statement.status}`}>
        <p>{t(`dialogues.outcomes.${statement.status}`)}</p>
        {statement.reason ? (
          <p>
            <strong>{t('dialogues.outcomes.reason')}</strong> {statement.reason}
          </p>
        ) : null}
      </div>
    );
  }
  // In the list, the mark beside a waiting or published statement says it all.
  if (folded) return null;
  return (
    <p className={`dialogue-outcome dialogue-outcome--${statement.status}`}>
      {t(`dialogues.outcomes.${statement.status}`)}
    </p>
  );
}

/** The participant's own statements, each with what became of it. */
export function MyStatements({ dialogueId }: { dialogueId: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const mine = useQuery({
    queryKey: mineKey(dialogueId),
    queryFn: ({ signal }) => fetchMine(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <section className="dialogue-section" aria-labelledby="my-statements-heading">
      <h2 id="my-statements-heading">{t('dialogues.mineList.heading')}</h2>
      <ul className="my-statements">
        {mine.data.map((statement) => (
          <li key={statement.id} className="my-statement">
            <p className="my-statement__text" lang={statement.language}>
              {statement.text}
            </p>
            <p className="my-statement__meta">
              <StatusMark status={statement.status} />{' '}
              <span className="dialogue-muted">{formatTime(statement.at)}</span>
            </p>
            <Outcome statement={statement} folded />
          </li>
        ))}
      </ul>
    </section>
  );
}
