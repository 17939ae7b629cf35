import { useTranslation } from 'react-i18next';
import type { VoteChoice } from '../../../shared/dialogues/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { choiceOrder } from './chart.ts';

/** Each choice's sign, drawn: a tick, a cross, a dash. The word beside it says the same. */
export function ChoiceIcon({ choice }: { choice: VoteChoice }) {
  const paths: Record<VoteChoice, string> = {
    agree: 'M5 12.5l4.5 4.5L19 7.5',
    disagree: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
    pass: 'M6 12h12',
  };
  return (
    <svg
      className="choice-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[choice]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * Agree, Disagree and Pass as three large buttons, each with its sign and its word, so that
 * colour never carries the choice alone. The vote already cast is marked pressed.
 */
export function VoteButtons({
  current,
  busy,
  number,
  onVote,
}: {
  current: VoteChoice | null;
  busy: boolean;
  number: number;
  onVote: (choice: VoteChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="vote-buttons">
      <legend className="visually-hidden">{t('dialogues.vote.legend', { number })}</legend>
      {choiceOrder.map((choice) => (
        <Button
          key={choice}
          variant="secondary"
          className={`vote-button vote-button--${choice}${current === choice ? ' is-chosen' : ''}`}
          aria-pressed={current === choice}
          onPress={() => {
            if (!busy) onVote(choice);
          }}
        >
          <ChoiceIcon choice={choice} />
          <span>{t(`dialogues.vote.${choice}`)}</span>
        </Button>
      ))}
    </fieldset>
  );
}
