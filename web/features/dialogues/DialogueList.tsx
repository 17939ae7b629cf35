import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DialogueSummary } from '../../../shared/dialogues/contract.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { StateMark } from './marks.tsx';

/** A program's dialogues as cards: open ones first, then upcoming, then closed and archived. */
const stateOrder = { open: 0, upcoming: 1, closed: 2, archived: 3 } as const;

export function DialogueList({ dialogues }: { dialogues: readonly DialogueSummary[] }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const sorted = [...dialogues].sort(
    (a, b) => stateOrder[a.state] - stateOrder[b.state] || a.closesAt.localeCompare(b.closesAt),
  );
  return (
    <ul className="dialogue-list">
      {sorted.map((dialogue) => (
        <li key={dialogue.id} className={`dialogue-card dialogue-card--${dialogue.state}`}>
          <h3 className="dialogue-card__title">
            <Link to={`/dialogues/${dialogue.id}`}>{dialogue.title}</Link>
          </h3>
          <div className="dialogue-card__marks">
            <StateMark state={dialogue.state} />
            {dialogue.toModerate ? (
              <span className="badge badge--accent">
                {t('dialogues.list.toModerate', { count: dialogue.toModerate })}
              </span>
            ) : null}
            {dialogue.joined ? (
              <span className="badge badge--sage">{t('dialogues.list.joined')}</span>
            ) : null}
          </div>
          <dl className="dialogue-facts dialogue-facts--compact">
            <div>
              <dt>{t('dialogues.facts.opens')}</dt>
              <dd>{formatTime(dialogue.opensAt)}</dd>
            </div>
            <div>
              <dt>{t('dialogues.facts.closes')}</dt>
              <dd>{formatTime(dialogue.closesAt)}</dd>
            </div>
            <div>
              <dt>{t('dialogues.facts.audience')}</dt>
              <dd>{t(`dialogues.audiences.${dialogue.audience}`)}</dd>
            </div>
            <div>
              <dt>{t('dialogues.facts.taking')}</dt>
              <dd>
                {t('dialogues.list.counts', {
                  participants: dialogue.participants,
                  statements: dialogue.statements,
                })}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
