import { useTranslation } from 'react-i18next';
import type { AgreementItem } from '../../../shared/conferences/contract.ts';
import { useFormatDateTime, useFormatDay } from '../../i18n/format.ts';
import { ItemStatusMark } from './marks.tsx';
import { formatMoney } from './money.ts';

/** A restitution's amount, what is paid, and its schedule of payments as a small table. */
function Restitution({ restitution }: { restitution: NonNullable<AgreementItem['restitution']> }) {
  const { t, i18n } = useTranslation();
  const formatDay = useFormatDay();
  const language = i18n.resolvedLanguage ?? 'en';
  const money = (cents: number) => formatMoney(cents, restitution.currency, language);
  return (
    <div className="item-restitution">
      <p>
        {t('conferences.items.paidOf', {
          paid: money(restitution.paidCents),
          amount: money(restitution.amountCents),
        })}
      </p>
      {restitution.instalments.length > 0 ? (
        <table className="case-table">
          <caption>{t('conferences.items.scheduleCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conferences.items.dueOn')}</th>
              <th scope="col">{t('conferences.items.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {restitution.instalments.map((part, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a schedule's rows are its order
              <tr key={index}>
                <td>{formatDay(part.dueOn)}</td>
                <td>{money(part.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restitution.payments.length > 0 ? (
        <table className="case-table">
          <caption>{t('conferences.items.paymentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conferences.items.paidOn')}</th>
              <th scope="col">{t('conferences.items.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {restitution.payments.map((payment) => (
              <tr key={payment.id}>
                <td>{formatDay(payment.paidOn)}</td>
                <td>{money(payment.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** What one agreement item asks, of whom, by when, and how it is known to be done. */
export function ItemFacts({ item }: { item: AgreementItem }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const formatDateTime = useFormatDateTime();
  return (
    <>
      <p className="item-card__description conference-words">{item.description}</p>
      <ItemStatusMark status={item.status} overdue={item.overdue} />
      <dl className="case-facts case-facts--compact">
        <div>
          <dt>{t('conferences.items.responsible')}</dt>
          <dd>{item.responsible.name}</dd>
        </div>
        <div>
          <dt>{t('conferences.items.dueOn')}</dt>
          <dd>{formatDay(item.dueOn)}</dd>
        </div>
        <div>
          <dt>{t('conferences.items.verification')}</dt>
          <dd className="conference-words">{item.verification}</dd>
        </div>
        {item.verifier ? (
          <div>
            <dt>{t('conferences.items.verifiedBy')}</dt>
            <dd>{item.verifier.name}</dd>
          </div>
        ) : null}
        {item.meetingAt ? (
          <div>
            <dt>{t('conferences.items.meetingAt')}</dt>
            <dd>{formatDateTime(item.meetingAt)}</dd>
          </div>
        ) : null}
      </dl>
      {item.restitution ? <Restitution restitution={item.restitution} /> : null}
    </>
  );
}
