import { useTranslation } from 'react-i18next';
import type { QuestionToAnswer } from '../../../shared/measurement/contract.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { charactersLeft } from '../dialogues/figures.ts';
import { type AnswerDraft, questionElementId } from './answers.ts';

/**
 * One question as the person answering reads it: a scale as five labelled choices (every point
 * in words, never a bare number), a list as choices, a short text with what is left of it.
 * Each is a whole-row tap target; arrow keys move between the choices of a group.
 */
export function QuestionField({
  question,
  number,
  total,
  draft,
  onChange,
  errorMessage,
}: {
  question: QuestionToAnswer;
  number: number;
  total: number;
  draft: AnswerDraft;
  onChange: (update: (draft: AnswerDraft) => AnswerDraft) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const id = questionElementId(question.id);
  const place = t('measurement.answer.number', { number, total });
  const description = question.required ? `${place} · ${t('measurement.answer.required')}` : place;

  if (question.type === 'short_text') {
    const text = draft.texts[question.id] ?? '';
    const left = charactersLeft(text, question.maxLength);
    const count =
      left >= 0
        ? t('measurement.answer.charactersLeft', { left })
        : t('measurement.answer.charactersOver', { over: -left });
    return (
      <div className={left < 0 ? 'survey-question survey-question--over' : 'survey-question'}>
        <TextField
          id={id}
          label={question.prompt}
          description={`${description}. ${count}`}
          multiline
          isRequired={question.required}
          value={text}
          onChange={(value) =>
            onChange((previous) => ({
              ...previous,
              texts: { ...previous.texts, [question.id]: value },
            }))
          }
          errorMessage={errorMessage}
        />
      </div>
    );
  }

  const options =
    question.type === 'scale'
      ? question.labels.map((label, index) => ({ value: String(index + 1), label }))
      : question.options.map((option) => ({ value: option.id, label: option.label }));
  const value =
    question.type === 'scale'
      ? String(draft.scales[question.id] ?? '')
      : (draft.choices[question.id] ?? '');
  return (
    <div className="survey-question">
      <RadioGroup
        id={id}
        label={question.prompt}
        description={description}
        layout="stack"
        isRequired={question.required}
        value={value === '' ? null : value}
        onChange={(chosen) =>
          onChange((previous) =>
            question.type === 'scale'
              ? { ...previous, scales: { ...previous.scales, [question.id]: Number(chosen) } }
              : { ...previous, choices: { ...previous.choices, [question.id]: chosen } },
          )
        }
        options={options}
        errorMessage={errorMessage}
      />
    </div>
  );
}
