import { useTranslation } from 'react-i18next';

const keptPoints = ['groups', 'votes', 'name', 'officers', 'stop'] as const;

/**
 * What a dialogue is, how voting works and what is kept, said before anyone takes part: people
 * who do not trust each other decide whether to speak by what happens to their words.
 */
export function DialogueExplained() {
  const { t } = useTranslation();
  return (
    <div className="dialogue-explained">
      <section aria-labelledby="dialogue-what">
        <h2 id="dialogue-what">{t('dialogues.explained.whatHeading')}</h2>
        <p>{t('dialogues.explained.what')}</p>
      </section>
      <section aria-labelledby="dialogue-how">
        <h2 id="dialogue-how">{t('dialogues.explained.howHeading')}</h2>
        <p>{t('dialogues.explained.how')}</p>
        <ul className="dialogue-explained__choices">
          <li>
            <strong>{t('dialogues.vote.agree')}</strong> {t('dialogues.explained.agree')}
          </li>
          <li>
            <strong>{t('dialogues.vote.disagree')}</strong> {t('dialogues.explained.disagree')}
          </li>
          <li>
            <strong>{t('dialogues.vote.pass')}</strong> {t('dialogues.explained.pass')}
          </li>
        </ul>
        <p>{t('dialogues.explained.write')}</p>
      </section>
      <section aria-labelledby="dialogue-kept">
        <h2 id="dialogue-kept">{t('dialogues.explained.keptHeading')}</h2>
        <ul className="dialogue-explained__kept">
          {keptPoints.map((point) => (
            <li key={point}>{t(`dialogues.explained.kept.${point}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
