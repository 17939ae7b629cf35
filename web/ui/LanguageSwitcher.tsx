import type { Key } from 'react-aria-components';
import {
  Button as AriaButton,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n.ts';
import { isLanguage, languages } from '../i18n/languages.ts';
import { showToast } from './Toast.tsx';
import './language-switcher.css';

/** Picks the interface language; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();

  async function onChange(key: Key | null) {
    if (!isLanguage(key) || key === i18n.language) return;
    if (!(await chooseLanguage(key))) {
      showToast({ title: t('language.failed') });
      return;
    }
    // The whole page changed language silently; say so for screen-reader users.
    showToast({ title: i18n.t('language.changed') });
  }

  return (
    <Select className="language-switcher" value={i18n.language} onChange={onChange}>
      <Label className="visually-hidden">{t('language.label')}</Label>
      <AriaButton className="language-switcher__button">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.75" />
          <path
            d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
          />
        </svg>
        <SelectValue className="language-switcher__value" />
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M6 9l6 6 6-6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </AriaButton>
      <Popover className="language-switcher__popover" placement="bottom end">
        <ListBox className="language-switcher__list">
          {languages.map((language) => (
            <ListBoxItem
              key={language.code}
              id={language.code}
              textValue={language.name}
              lang={language.code}
              className="language-switcher__option"
            >
              {language.name}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
