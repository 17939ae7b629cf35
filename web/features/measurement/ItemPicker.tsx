import { useTranslation } from 'react-i18next';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { itemsByConstruct, surveyFieldIds } from './survey-form.ts';

/**
 * The bank's questions written for the kind of survey, grouped by what they measure, each a
 * checkbox in the reader's language. A reverse-worded item says so, since it reads oddly alone.
 */
export function ItemPicker({
  kind,
  chosen,
  onChange,
  errorMessage,
}: {
  kind: SurveyKind;
  chosen: readonly string[];
  onChange: (items: string[]) => void;
  errorMessage?: string;
}) {
  const { t, i18n } = useTranslation();
  const groups = itemsByConstruct(kind);
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);
  const spanish = i18n.language === 'es';
  return (
    <fieldset
      id={surveyFieldIds.items}
      className="form-section item-picker"
      aria-describedby="survey-items-help"
    >
      <legend className="form-section__legend">{t('measurement.create.items')}</legend>
      <p id="survey-items-help" className="form-section__help">
        {t('measurement.create.itemsHelp')}
      </p>
      <p className="measurement-muted" aria-live="polite">
        {t('measurement.create.itemsChosen', { chosen: chosen.length, total })}
      </p>
      {groups.map((group) => (
        <fieldset key={group.construct} className="item-picker__group">
          <legend className="item-picker__legend">
            {t(`measurement.constructs.${group.construct}`)}
          </legend>
          {group.items.map((item) => (
            <Checkbox
              key={item.id}
              isSelected={chosen.includes(item.id)}
              onChange={(selected) =>
                onChange(
                  selected ? [...chosen, item.id] : chosen.filter((each) => each !== item.id),
                )
              }
            >
              <span className="item-picker__text">{spanish ? item.es : item.en}</span>
              {item.reverse ? (
                <span className="item-picker__note">{t('measurement.create.reverse')}</span>
              ) : null}
            </Checkbox>
          ))}
        </fieldset>
      ))}
      {errorMessage ? <p className="field__error">{errorMessage}</p> : null}
    </fieldset>
  );
}
