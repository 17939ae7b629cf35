import { isLanguage, type Language, languages } from '../i18n/languages.ts';
import { RadioGroup } from './RadioGroup.tsx';

export interface LanguageFieldProps {
  id: string;
  name?: string;
  label: string;
  description?: string;
  value: Language;
  onChange: (language: Language) => void;
  errorMessage?: string;
}

/** A choice of the languages Restorativ speaks, each named in its own language. */
export function LanguageField({ onChange, ...props }: LanguageFieldProps) {
  return (
    <RadioGroup
      {...props}
      options={languages.map((option) => ({
        value: option.code,
        label: option.name,
        lang: option.code,
      }))}
      onChange={(value) => {
        if (isLanguage(value)) onChange(value);
      }}
    />
  );
}
