import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTALMENTS_MAX } from '../../../shared/conferences/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { centsFrom, evenInstalments, formatMoney, typedFrom } from './money.ts';

/** One payment of a schedule as typed: a day and an amount. */
export interface InstalmentDraft {
  key: number;
  dueOn: string;
  amount: string;
}

export const instalmentIds = (key: number) => ({
  dueOn: `instalment-${key}-day`,
  amount: `instalment-${key}-amount`,
});

let nextKey = 1;
const newKey = () => {
  nextKey += 1;
  return nextKey;
};

/**
 * A restitution's schedule of payments: made at once as equal monthly payments from a first
 * day, then changed row by row. The total of the rows is shown against the amount agreed.
 */
export function InstalmentsField({
  rows,
  onChange,
  amount,
  currency,
  error,
  rowError,
}: {
  rows: InstalmentDraft[];
  onChange: (rows: InstalmentDraft[]) => void;
  /** The amount agreed, as typed. */
  amount: string;
  currency: string;
  error: string | undefined;
  rowError: (index: number, part: 'dueOn' | 'amountCents') => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [count, setCount] = useState('3');
  const [firstDay, setFirstDay] = useState('');
  const agreed = centsFrom(amount);
  const total = rows.reduce((sum, row) => sum + (centsFrom(row.amount) ?? 0), 0);
  const money = (cents: number) =>
    formatMoney(
      cents,
      /^[A-Z]{3}$/.test(currency) ? currency : 'USD',
      i18n.resolvedLanguage ?? 'en',
    );
  const change = (key: number, patch: Partial<InstalmentDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <fieldset className="instalments">
      <legend className="instalments__legend">{t('conferences.items.schedule')}</legend>
      <p className="field__description">{t('conferences.items.scheduleHelp')}</p>
      <div className="instalments__maker">
        <TextField
          className="field--short"
          label={t('conferences.items.count')}
          inputMode="numeric"
          value={count}
          onChange={setCount}
        />
        <DateField
          label={t('conferences.items.firstDay')}
          value={firstDay}
          onChange={setFirstDay}
        />
        <Button
          variant="secondary"
          onPress={() => {
            const made = evenInstalments(agreed ?? 0, Number(count), firstDay);
            onChange(
              made.map((part) => ({
                key: newKey(),
                dueOn: part.dueOn,
                amount: typedFrom(part.amountCents),
              })),
            );
          }}
        >
          {t('conferences.items.makeSchedule')}
        </Button>
      </div>
      {error ? <p className="field__error">{error}</p> : null}
      {rows.length > 0 ? (
        <ol className="instalments__rows">
          {rows.map((row, index) => {
            const ids = instalmentIds(row.key);
            return (
              <li key={row.key} className="instalments__row">
                <DateField
                  id={ids.dueOn}
                  label={t('conferences.items.paymentDay', { number: index + 1 })}
                  value={row.dueOn}
                  onChange={(dueOn) => change(row.key, { dueOn })}
                  errorMessage={rowError(index, 'dueOn')}
                />
                <TextField
                  id={ids.amount}
                  className="field--short"
                  label={t('conferences.items.paymentAmount', { number: index + 1 })}
                  inputMode="decimal"
                  value={row.amount}
                  onChange={(value) => change(row.key, { amount: value })}
                  errorMessage={rowError(index, 'amountCents')}
                />
                <Button
                  variant="quiet"
                  aria-label={t('conferences.items.removePaymentLabel', { number: index + 1 })}
                  onPress={() => onChange(rows.filter((each) => each.key !== row.key))}
                >
                  {t('conferences.items.removePayment')}
                </Button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {rows.length < INSTALMENTS_MAX ? (
        <Button
          variant="quiet"
          onPress={() => onChange([...rows, { key: newKey(), dueOn: '', amount: '' }])}
        >
          {t('conferences.items.addPayment')}
        </Button>
      ) : null}
      {rows.length > 0 ? (
        <p className="instalments__total" role="status">
          {agreed === null
            ? t('conferences.items.scheduleTotal', { total: money(total) })
            : t('conferences.items.scheduleTotalOf', {
                total: money(total),
                amount: money(agreed),
              })}
        </p>
      ) : null}
    </fieldset>
  );
}
