import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import type { CaseCommandType } from '../../../shared/conferences/machine.ts';
import type { ProgramSummary } from '../../../shared/organisations/contract.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { ItemActions } from './ItemActions.tsx';
import { ItemFacts } from './ItemFacts.tsx';
import { offers } from './offers.ts';
import { StepButton } from './StepButton.tsx';

/**
 * The agreement: begun after the conference, written item by item, confirmed, then followed
 * through monitoring: payments, and each item settled as done or not done.
 */
export function AgreementSection({
  detail,
  program,
}: {
  detail: CaseDetail;
  program: ProgramSummary | undefined;
}) {
  const { t } = useTranslation();
  const may = (command: CaseCommandType) => offers(detail, command);
  return (
    <section id="case-agreement" className="case-section" aria-labelledby="case-agreement-heading">
      <h2 id="case-agreement-heading">{t('conferences.agreement.heading')}</h2>
      {detail.items.length === 0 ? <p>{t('conferences.agreement.none')}</p> : null}
      {may('begin_agreement') ? (
        <StepButton
          caseId={detail.id}
          command={{ type: 'begin_agreement' }}
          label={t('conferences.agreement.begin')}
          done={t('conferences.agreement.begun')}
          help={t('conferences.agreement.beginHelp')}
        />
      ) : null}
      {detail.items.length > 0 ? (
        <ul className="item-list">
          {detail.items.map((item) => (
            <li key={item.id} className="item-card">
              <h3 className="item-card__title">{t(`conferences.itemKinds.${item.kind}`)}</h3>
              <ItemFacts item={item} />
              <ItemActions detail={detail} item={item} />
            </li>
          ))}
        </ul>
      ) : null}
      {may('add_item') ? <AddItemForm detail={detail} program={program} /> : null}
      {may('confirm_agreement') ? (
        <StepButton
          caseId={detail.id}
          command={{ type: 'confirm_agreement' }}
          label={t('conferences.agreement.confirm')}
          done={t('conferences.agreement.confirmed')}
          help={t('conferences.agreement.confirmHelp')}
        />
      ) : null}
    </section>
  );
}
