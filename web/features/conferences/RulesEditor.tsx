import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HarmRule } from '../../../shared/conferences/names.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { translatedHarms, useHarmLabel } from './labels.ts';
import { ruleIdFor } from './rule-ids.ts';

export const ruleLabelId = (index: number) => `rule-${index}-label`;

/**
 * The program's harm categories, each eligible for a conference or not: renamed, switched,
 * removed, or added at the end. A category a program starts with keeps its translated name for
 * referrers; its label here is the program's own.
 */
export function RulesEditor({
  rules,
  onChange,
  labelError,
}: {
  rules: HarmRule[];
  onChange: (rules: HarmRule[]) => void;
  labelError: (index: number) => string | undefined;
}) {
  const { t } = useTranslation();
  const harmLabel = useHarmLabel();
  const [newLabel, setNewLabel] = useState('');
  const [newEligible, setNewEligible] = useState(true);
  const change = (index: number, patch: Partial<HarmRule>) =>
    onChange(rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));

  return (
    <div className="rules-editor">
      <ul className="rules-editor__list">
        {rules.map((rule, index) => (
          <li key={rule.id} className="rules-editor__rule">
            <TextField
              id={ruleLabelId(index)}
              label={t('conferences.settings.ruleLabel', { number: index + 1 })}
              description={
                // A category the pages translate reads differently to referrers in Spanish.
                translatedHarms.has(rule.id) && harmLabel(rule.id) !== rule.label
                  ? t('conferences.settings.ruleShownAs', { name: harmLabel(rule.id) })
                  : undefined
              }
              value={rule.label}
              onChange={(label) => change(index, { label })}
              errorMessage={labelError(index)}
            />
            <div className="rules-editor__controls">
              <Checkbox
                isSelected={rule.eligible}
                onChange={(eligible) => change(index, { eligible })}
              >
                {t('conferences.settings.eligible')}
              </Checkbox>
              <Button
                variant="quiet"
                aria-label={t('conferences.settings.removeRuleLabel', { name: rule.label })}
                onPress={() => onChange(rules.filter((_, at) => at !== index))}
              >
                {t('conferences.settings.removeRule')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <fieldset className="rules-editor__new">
        <legend className="rules-editor__legend">{t('conferences.settings.newRule')}</legend>
        <TextField
          id="rule-new-label"
          label={t('conferences.settings.newRuleLabel')}
          value={newLabel}
          onChange={setNewLabel}
        />
        <Checkbox isSelected={newEligible} onChange={setNewEligible}>
          {t('conferences.settings.eligible')}
        </Checkbox>
        <Button
          variant="secondary"
          isDisabled={newLabel.trim() === ''}
          onPress={() => {
            const label = newLabel.trim();
            const id = ruleIdFor(label, new Set(rules.map((rule) => rule.id)));
            onChange([...rules, { id, label, eligible: newEligible }]);
            setNewLabel('');
            setNewEligible(true);
          }}
        >
          {t('conferences.settings.addRule')}
        </Button>
      </fieldset>
    </div>
  );
}
