import { useTranslation } from 'react-i18next';
import type { VotableStatement, VoteChoice } from '../../../shared/dialogues/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ChoiceIcon } from './VoteButtons.tsx';

export interface RecentVote {
  statement: VotableStatement;
  vote: VoteChoice;
}

/** The last few votes of this visit, each with a way back to change it. */
export function RecentVotes({
  recent,
  onChange,
}: {
  recent: readonly RecentVote[];
  onChange: (vote: RecentVote) => void;
}) {
  const { t } = useTranslation();
  if (recent.length === 0) return null;
  return (
    <section className="recent-votes" aria-labelledby="recent-votes-heading">
      <h3 id="recent-votes-heading">{t('dialogues.vote.recentHeading')}</h3>
      <ul className="recent-votes__list">
        {recent.map((each) => (
          <li key={each.statement.id} className="recent-vote">
            <p className="recent-vote__text">
              <span className="recent-vote__number">
                {t('dialogues.vote.statementNumber', { number: each.statement.number })}:
              </span>{' '}
              <span lang={each.statement.language}>{each.statement.text}</span>
            </p>
            <p className={`recent-vote__choice recent-vote__choice--${each.vote}`}>
              <ChoiceIcon choice={each.vote} />
              {t('dialogues.vote.yourVote', { choice: t(`dialogues.vote.${each.vote}`) })}
            </p>
            <Button variant="quiet" onPress={() => onChange(each)}>
              {t('dialogues.vote.change', { number: each.statement.number })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
