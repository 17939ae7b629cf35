import { useTranslation } from 'react-i18next';
import { type EmailFrequency, emailFrequencies } from '../../../shared/preferences/contract.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';

export function isFrequency(value: unknown): value is EmailFrequency {
  return (emailFrequencies as readonly unknown[]).includes(value);
}

/** How often optional emails come: at once, in a daily digest, or never. */
export function EmailFrequencyField({
  id,
  value,
  onChange,
  errorMessage,
}: {
  id: string;
  value: EmailFrequency | null;
  onChange: (value: EmailFrequency) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      id={id}
      name="frequency"
      layout="stack"
      label={t('preferences.frequency')}
      description={t('preferences.always')}
      options={emailFrequencies.map((frequency) => ({
        value: frequency,
        label: t(`preferences.frequencies.${frequency}.label`),
        description: t(`preferences.frequencies.${frequency}.description`),
      }))}
      value={value}
      onChange={(next) => {
        if (isFrequency(next)) onChange(next);
      }}
      errorMessage={errorMessage}
    />
  );
}
