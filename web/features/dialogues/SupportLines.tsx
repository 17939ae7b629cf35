import { useTranslation } from 'react-i18next';

/**
 * Where to turn now, for someone whose words suggested they or someone else may be in danger:
 * said calmly, with the program's own resources as its coordinators wrote them, and numbers that
 * can be tapped on a phone.
 */
export function SupportLines({ resources }: { resources: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="support-lines">
      <p>{t('dialogues.support.intro')}</p>
      <ul>
        <li>
          {t('dialogues.support.emergency')} <a href="tel:911">911</a>
        </li>
        <li>
          {t('dialogues.support.crisisLine')} <a href="tel:988">988</a>{' '}
          {t('dialogues.support.crisisLineMore')}
        </li>
      </ul>
      {resources ? (
        <>
          <h3 className="support-lines__heading">{t('dialogues.support.program')}</h3>
          <p className="support-lines__program">{resources}</p>
        </>
      ) : null}
    </div>
  );
}
