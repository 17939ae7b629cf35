import { useTranslation } from 'react-i18next';
import type { SupportedLanguage } from '../../../shared/measurement/contract.ts';
import { scaleKinds } from '../../../shared/measurement/item-bank.ts';
import {
  CUSTOM_QUESTIONS_MAX,
  SHORT_TEXT_MAX,
} from '../../../shared/measurement/survey-definition.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  type CustomQuestionDraft,
  customQuestionTypes,
  newCustomQuestion,
  nextKey,
  surveyFieldIds,
} from './survey-form.ts';

const OPTIONS_MAX = 10;
const OPTIONS_MIN = 2;

type ErrorFor = (field: string) => string | undefined;

function OptionsField({
  index,
  draft,
  languages,
  onChange,
  errorFor,
}: {
  index: number;
  draft: CustomQuestionDraft;
  languages: readonly SupportedLanguage[];
  onChange: (draft: CustomQuestionDraft) => void;
  errorFor: ErrorFor;
}) {
  const { t } = useTranslation();
  const listError = errorFor(`customQuestions.${index}.options`);
  return (
    <div id={surveyFieldIds.options(index)} className="custom-question__options">
      <ol className="custom-question__option-list">
        {draft.options.map((option, optionIndex) => (
          <li key={option.key} className="custom-question__option">
            {languages.map((language) => (
              <TextField
                key={language}
                id={surveyFieldIds.option(index, optionIndex, language)}
                label={t('measurement.create.optionIn', {
                  number: optionIndex + 1,
                  language: t(`measurement.languageNames.${language}`),
                })}
                value={option.label[language] ?? ''}
                onChange={(value) =>
                  onChange({
                    ...draft,
                    options: draft.options.map((each) =>
                      each.key === option.key
                        ? { ...each, label: { ...each.label, [language]: value } }
                        : each,
                    ),
                  })
                }
                errorMessage={errorFor(
                  `customQuestions.${index}.options.${optionIndex}.label.${language}`,
                )}
              />
            ))}
            {draft.options.length > OPTIONS_MIN ? (
              <Button
                variant="quiet"
                onPress={() =>
                  onChange({
                    ...draft,
                    options: draft.options.filter((each) => each.key !== option.key),
                  })
                }
              >
                {t('measurement.create.removeOption', { number: optionIndex + 1 })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {listError ? <p className="field__error">{listError}</p> : null}
      {draft.options.length < OPTIONS_MAX ? (
        <Button
          variant="secondary"
          onPress={() =>
            onChange({
              ...draft,
              options: [...draft.options, { key: nextKey('o', draft.options), label: {} }],
            })
          }
        >
          {t('measurement.create.addOption')}
        </Button>
      ) : null}
    </div>
  );
}

function QuestionCard({
  index,
  draft,
  languages,
  onChange,
  onRemove,
  errorFor,
}: {
  index: number;
  draft: CustomQuestionDraft;
  languages: readonly SupportedLanguage[];
  onChange: (draft: CustomQuestionDraft) => void;
  onRemove: () => void;
  errorFor: ErrorFor;
}) {
  const { t } = useTranslation();
  const base = `customQuestions.${index}`;
  const questionError = errorFor(base);
  return (
    <fieldset id={surveyFieldIds.question(index)} className="custom-question">
      <legend className="custom-question__legend">
        {t('measurement.create.question', { number: index + 1 })}
      </legend>
      {questionError ? <p className="field__error">{questionError}</p> : null}
      <RadioGroup
        label={t('measurement.create.type')}
        layout="stack"
        value={draft.type}
        onChange={(value) => {
          const type = customQuestionTypes.find((each) => each === value);
          if (type) onChange({ ...draft, type });
        }}
        options={customQuestionTypes.map((value) => ({
          value,
          label: t(`measurement.questionTypes.${value}`),
        }))}
      />
      {languages.map((language) => (
        <TextField
          key={language}
          id={surveyFieldIds.prompt(index, language)}
          label={t('measurement.create.promptIn', {
            language: t(`measurement.languageNames.${language}`),
          })}
          multiline
          value={draft.prompt[language] ?? ''}
          onChange={(value) =>
            onChange({ ...draft, prompt: { ...draft.prompt, [language]: value } })
          }
          errorMessage={errorFor(`${base}.prompt.${language}`)}
        />
      ))}
      {draft.type === 'scale' ? (
        <SelectField
          label={t('measurement.create.scale')}
          value={draft.scale}
          onChange={(value) => {
            const scale = scaleKinds.find((each) => each === value);
            if (scale) onChange({ ...draft, scale });
          }}
          options={scaleKinds.map((value) => ({
            value,
            label: t(`measurement.scales.${value}`),
          }))}
        />
      ) : null}
      {draft.type === 'single_choice' ? (
        <OptionsField
          index={index}
          draft={draft}
          languages={languages}
          onChange={onChange}
          errorFor={errorFor}
        />
      ) : null}
      {draft.type === 'short_text' ? (
        <TextField
          id={surveyFieldIds.maxLength(index)}
          label={t('measurement.create.maxLength')}
          description={t('measurement.create.maxLengthHelp', { max: SHORT_TEXT_MAX })}
          inputMode="numeric"
          className="field--short"
          value={draft.maxLength}
          onChange={(value) => onChange({ ...draft, maxLength: value })}
          errorMessage={errorFor(`${base}.maxLength`)}
        />
      ) : null}
      <Checkbox
        isSelected={draft.required}
        onChange={(required) => onChange({ ...draft, required })}
      >
        {t('measurement.create.required')}
      </Checkbox>
      <Button variant="danger" onPress={onRemove}>
        {t('measurement.create.removeQuestion', { number: index + 1 })}
      </Button>
    </fieldset>
  );
}

/** The program's own questions, up to ten: a scale, one choice from a list, or a short text. */
export function CustomQuestionsField({
  questions,
  languages,
  onChange,
  errorFor,
}: {
  questions: readonly CustomQuestionDraft[];
  languages: readonly SupportedLanguage[];
  onChange: (questions: CustomQuestionDraft[]) => void;
  errorFor: ErrorFor;
}) {
  const { t } = useTranslation();
  const listError = errorFor('customQuestions');
  return (
    <fieldset className="form-section custom-questions" aria-describedby="survey-custom-help">
      <legend className="form-section__legend">{t('measurement.create.custom')}</legend>
      <p id="survey-custom-help" className="form-section__help">
        {t('measurement.create.customHelp', { max: CUSTOM_QUESTIONS_MAX })}
      </p>
      {questions.map((draft, index) => (
        <QuestionCard
          key={draft.key}
          index={index}
          draft={draft}
          languages={languages}
          onChange={(changed) =>
            onChange(questions.map((each) => (each.key === draft.key ? changed : each)))
          }
          onRemove={() => onChange(questions.filter((each) => each.key !== draft.key))}
          errorFor={errorFor}
        />
      ))}
      {listError ? <p className="field__error">{listError}</p> : null}
      {questions.length < CUSTOM_QUESTIONS_MAX ? (
        <Button
          id={surveyFieldIds.customQuestions}
          variant="secondary"
          onPress={() => onChange([...questions, newCustomQuestion(questions)])}
        >
          {t('measurement.create.addQuestion')}
        </Button>
      ) : null}
    </fieldset>
  );
}
