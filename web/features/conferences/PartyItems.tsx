import { useTranslation } from 'react-i18next';
import type { AgreementItem, PartyView } from '../../../shared/conferences/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { consentToPublish } from './api.ts';
import { ItemFacts } from './ItemFacts.tsx';
import { ActionProblem } from './marks.tsx';
import { useActionProblem, useCaseChange } from './useCaseChange.ts';

/** Whether the item may appear on the public register, as far as this party decides it. */
function Publication({ view, item }: { view: PartyView; item: AgreementItem }) {
  const { t } = useTranslation();
  const problem = useActionProblem();
  const mutation = useCaseChange(
    () => consentToPublish(view.id, item.id),
    t('conferences.myPart.items.publishThanks'),
  );
  if (item.publication.commitmentId) {
    return <p className="party-status">{t('conferences.myPart.items.published')}</p>;
  }
  if (view.publicationConsents.includes(item.id)) {
    return <p className="party-status">{t('conferences.myPart.items.agreedToPublish')}</p>;
  }
  return (
    <div className="item-card__publication">
      <p>{t('conferences.myPart.items.publishAsk')}</p>
      <Button
        variant="secondary"
        isBusy={mutation.isPending}
        onPress={() => {
          if (mutation.isPending) return;
          problem.clear();
          mutation.mutate(undefined, { onError: problem.show });
        }}
      >
        {t('conferences.myPart.items.publish')}
      </Button>
      <ActionProblem message={problem.message} />
    </div>
  );
}

/** The agreement as the party reads it: each item, and their word on publishing it. */
export function PartyItems({ view }: { view: PartyView }) {
  const { t } = useTranslation();
  // The harmed and the responsible parties decide together, while the agreement is open.
  const decides =
    (view.role === 'harmed' || view.role === 'responsible') &&
    (view.stage === 'agreement' || view.stage === 'monitoring');
  return (
    <section className="party-card" aria-labelledby="my-items">
      <h2 id="my-items">{t('conferences.myPart.items.heading')}</h2>
      <p>{t('conferences.myPart.items.lead')}</p>
      <ul className="item-list">
        {view.items.map((item) => (
          <li key={item.id} className="item-card">
            <h3 className="item-card__title">{t(`conferences.itemKinds.${item.kind}`)}</h3>
            <ItemFacts item={item} />
            {item.publication.commitmentId || (decides && item.status === 'open') ? (
              <Publication view={view} item={item} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
