import { useTranslation } from 'react-i18next';

const guidelines = ['heart', 'respect', 'stays', 'pass', 'stepOut'] as const;

/** The circle's guidelines, as everyone agrees to them before joining and reads in the room. */
export function GuidelinesList() {
  const { t } = useTranslation();
  return (
    <ul className="circle-guidelines">
      {guidelines.map((guideline) => (
        <li key={guideline}>
          <strong>{t(`circles.guidelines.${guideline}.title`)}</strong>{' '}
          {t(`circles.guidelines.${guideline}.body`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * What a circle is, in plain words, for someone who has never sat in one: the talking piece, the
 * guidelines, and what is kept afterwards (nothing, unless everyone agrees).
 */
export function CircleExplained() {
  const { t } = useTranslation();
  return (
    <div className="circle-explained">
      <section aria-labelledby="explain-what">
        <h2 id="explain-what">{t('circles.explain.whatHeading')}</h2>
        <p>{t('circles.explain.what')}</p>
      </section>
      <section aria-labelledby="explain-piece">
        <h2 id="explain-piece">{t('circles.explain.pieceHeading')}</h2>
        <p>{t('circles.explain.piece')}</p>
        <p>{t('circles.explain.listening')}</p>
      </section>
      <section aria-labelledby="explain-guidelines">
        <h2 id="explain-guidelines">{t('circles.explain.guidelinesHeading')}</h2>
        <GuidelinesList />
      </section>
      <section aria-labelledby="explain-kept">
        <h2 id="explain-kept">{t('circles.explain.keptHeading')}</h2>
        <ul className="circle-kept">
          <li>{t('circles.explain.keptWords')}</li>
          <li>{t('circles.explain.keptTranscript')}</li>
          <li>{t('circles.explain.keptVoice')}</li>
          <li>{t('circles.explain.keptHarvest')}</li>
        </ul>
      </section>
    </div>
  );
}
