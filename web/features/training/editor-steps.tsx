import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CourseModule,
  Lesson,
  Scenario,
  Step,
  StepType,
} from '../../../shared/training/course.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { PartProblem, PartTools, TranslatedFields, useEditor } from './editor-fields.tsx';
import { fieldId } from './editor-problems.ts';
import type { LessonAt, StepAt } from './editor-state.ts';
import { Markdown } from './markdown.tsx';

// Modules, their lessons and each lesson's steps, as the author edits them.

const stepKinds: StepType[] = [
  'text',
  'video',
  'reflection',
  'check',
  'scenario',
  'practice_circle',
];

function MarkdownPreview({ text, language }: { text: string; language: 'en' | 'es' }) {
  const { t } = useTranslation();
  const languageName = t(`training.editor.languages.${language}`);
  return (
    <figure className="editor-preview">
      <figcaption className="editor-preview__label">
        {t('training.editor.steps.preview', { language: languageName })}
      </figcaption>
      {text.trim() === '' ? (
        <p className="training-muted">{t('training.editor.steps.previewEmpty')}</p>
      ) : (
        <div lang={language}>
          <Markdown text={text} headingLevel={3} />
        </div>
      )}
    </figure>
  );
}

function CheckFields({
  step,
  path,
  at,
  onChange,
}: {
  step: Extract<Step, { type: 'check' }>;
  path: string;
  at: StepAt;
  onChange: (step: Step) => void;
}) {
  const { t } = useTranslation();
  const { dispatch } = useEditor();
  const list = { list: 'options', ...at } as const;
  return (
    <>
      <TranslatedFields
        path={`${path}.question`}
        label={t('training.editor.steps.question')}
        value={step.question}
        onChange={(question) => onChange({ ...step, question })}
      />
      <Checkbox isSelected={step.multiple} onChange={(multiple) => onChange({ ...step, multiple })}>
        {t('training.editor.steps.multiple')}
      </Checkbox>
      <fieldset id={fieldId(`${path}.options`)} className="editor-part editor-part--flat">
        <legend className="editor-part__legend">{t('training.editor.steps.answers')}</legend>
        <PartProblem anchor={`${path}.options`} />
        <ol className="editor-list">
          {step.options.map((option, index) => {
            const name = t('training.editor.steps.answer', { number: index + 1 });
            const optionPath = `${path}.options.${index}`;
            const change = (patch: Partial<typeof option>) =>
              onChange({
                ...step,
                options: step.options.map((one, at) => (at === index ? { ...one, ...patch } : one)),
              });
            return (
              <li key={option.id}>
                <fieldset id={fieldId(optionPath)} className="editor-part editor-part--inner">
                  <legend className="editor-part__legend">{name}</legend>
                  <PartProblem anchor={optionPath} />
                  <TranslatedFields
                    path={`${optionPath}.label`}
                    label={t('training.editor.steps.answerLabel')}
                    value={option.label}
                    onChange={(label) => change({ label })}
                  />
                  <Checkbox isSelected={option.correct} onChange={(correct) => change({ correct })}>
                    {t('training.editor.steps.right')}
                  </Checkbox>
                  <TranslatedFields
                    path={`${optionPath}.feedback`}
                    label={t('training.editor.steps.feedback')}
                    value={option.feedback}
                    onChange={(feedback) => change({ feedback })}
                  />
                  <PartTools
                    name={name}
                    index={index}
                    count={step.options.length}
                    onMove={(by) => dispatch({ type: 'move', at: list, index, by })}
                    onRemove={() => dispatch({ type: 'remove', at: list, index })}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" onPress={() => dispatch({ type: 'add', at: list })}>
          {t('training.editor.steps.addAnswer')}
        </Button>
      </fieldset>
    </>
  );
}

function StepFields({
  step,
  path,
  at,
  scenarios,
}: {
  step: Step;
  path: string;
  at: StepAt;
  scenarios: readonly Scenario[];
}) {
  const { t, i18n } = useTranslation();
  const { dispatch, problemAt } = useEditor();
  const onChange = (changed: Step) => dispatch({ type: 'setStep', at, step: changed });
  switch (step.type) {
    case 'text':
      return (
        <TranslatedFields
          path={`${path}.markdown`}
          label={t('training.editor.steps.markdown')}
          description={t('training.editor.steps.markdownHelp')}
          multiline
          value={step.markdown}
          onChange={(markdown) => onChange({ ...step, markdown })}
          after={(language, text) => <MarkdownPreview text={text} language={language} />}
        />
      );
    case 'video':
      return (
        <>
          <TranslatedFields
            path={`${path}.title`}
            label={t('training.editor.steps.videoTitle')}
            value={step.title}
            onChange={(title) => onChange({ ...step, title })}
          />
          <TextField
            id={fieldId(`${path}.url`)}
            label={t('training.editor.steps.url')}
            description={t('training.editor.steps.urlHelp')}
            type="url"
            value={step.url}
            onChange={(url) => onChange({ ...step, url })}
            errorMessage={problemAt(`${path}.url`)}
          />
          <TranslatedFields
            path={`${path}.transcript`}
            label={t('training.editor.steps.transcript')}
            multiline
            value={step.transcript}
            onChange={(transcript) => onChange({ ...step, transcript })}
          />
        </>
      );
    case 'reflection':
      return (
        <TranslatedFields
          path={`${path}.prompt`}
          label={t('training.editor.steps.prompt')}
          multiline
          value={step.prompt}
          onChange={(prompt) => onChange({ ...step, prompt })}
        />
      );
    case 'check':
      return <CheckFields step={step} path={path} at={at} onChange={onChange} />;
    case 'scenario':
      return (
        <SelectField
          id={fieldId(`${path}.scenario`)}
          label={t('training.editor.steps.scenario')}
          description={scenarios.length === 0 ? t('training.editor.steps.noScenarios') : undefined}
          placeholder={t('training.editor.steps.chooseScenario')}
          value={step.scenario}
          onChange={(scenario) => onChange({ ...step, scenario })}
          options={scenarios.map((scenario) => ({
            value: scenario.id,
            label:
              (i18n.language === 'es' ? scenario.title.es : scenario.title.en) ||
              scenario.title.en ||
              scenario.title.es ||
              scenario.id,
          }))}
          errorMessage={problemAt(`${path}.scenario`)}
        />
      );
    case 'practice_circle':
      return (
        <TranslatedFields
          path={`${path}.about`}
          label={t('training.editor.steps.about')}
          multiline
          value={step.about}
          onChange={(about) => onChange({ ...step, about })}
        />
      );
  }
}

function LessonEditor({
  lesson,
  at,
  count,
  scenarios,
}: {
  lesson: Lesson;
  at: LessonAt;
  count: number;
  scenarios: readonly Scenario[];
}) {
  const { t } = useTranslation();
  const { dispatch, confirmRemove } = useEditor();
  const [kind, setKind] = useState<StepType>('text');
  const path = `modules.${at.module}.lessons.${at.lesson}`;
  const name = t('training.editor.parts.lesson', { number: at.lesson + 1 });
  const lessons = { list: 'lessons', module: at.module } as const;
  const steps = { list: 'steps', ...at } as const;
  return (
    <fieldset id={fieldId(path)} className="editor-part editor-part--lesson">
      <legend className="editor-part__legend">{name}</legend>
      <PartProblem anchor={path} />
      <TranslatedFields
        path={`${path}.title`}
        label={t('training.editor.parts.lessonTitle')}
        value={lesson.title}
        onChange={(title) => dispatch({ type: 'setLessonTitle', at, title })}
      />
      <ol className="editor-list">
        {lesson.steps.map((step, index) => {
          const stepPath = `${path}.steps.${index}`;
          const stepName = t('training.editor.parts.step', {
            number: index + 1,
            kind: t(`training.editor.stepKinds.${step.type}`),
          });
          return (
            <li key={step.id}>
              <fieldset id={fieldId(stepPath)} className="editor-part editor-part--step">
                <legend className="editor-part__legend">{stepName}</legend>
                <PartProblem anchor={stepPath} />
                <StepFields
                  step={step}
                  path={stepPath}
                  at={{ ...at, step: index }}
                  scenarios={scenarios}
                />
                <PartTools
                  name={`${name}, ${stepName}`}
                  index={index}
                  count={lesson.steps.length}
                  onMove={(by) => dispatch({ type: 'move', at: steps, index, by })}
                  onRemove={() =>
                    confirmRemove(`${name}, ${stepName}`, { type: 'remove', at: steps, index })
                  }
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="editor-add-step">
        <SelectField
          id={`${fieldId(path)}-new-step`}
          label={t('training.editor.parts.stepKind')}
          value={kind}
          onChange={(value) => setKind(value as StepType)}
          options={stepKinds.map((value) => ({
            value,
            label: t(`training.editor.stepKinds.${value}`),
          }))}
        />
        <Button variant="secondary" onPress={() => dispatch({ type: 'add', at: steps, kind })}>
          {t('training.editor.parts.addStep')}
          <span className="visually-hidden">: {name}</span>
        </Button>
      </div>
      <PartTools
        name={name}
        index={at.lesson}
        count={count}
        onMove={(by) => dispatch({ type: 'move', at: lessons, index: at.lesson, by })}
        onRemove={() => confirmRemove(name, { type: 'remove', at: lessons, index: at.lesson })}
      />
    </fieldset>
  );
}

/** One module; kept as it is while another part of the course changes. */
export const ModuleEditor = memo(function ModuleEditor({
  module,
  index,
  count,
  scenarios,
}: {
  module: CourseModule;
  index: number;
  count: number;
  scenarios: readonly Scenario[];
}) {
  const { t } = useTranslation();
  const { dispatch, confirmRemove } = useEditor();
  const path = `modules.${index}`;
  const name = t('training.editor.parts.module', { number: index + 1 });
  const modules = { list: 'modules' } as const;
  return (
    <section id={fieldId(path)} className="editor-part editor-part--module" aria-label={name}>
      <h3 className="editor-part__heading">{name}</h3>
      <PartProblem anchor={path} />
      <TranslatedFields
        path={`${path}.title`}
        label={t('training.editor.parts.moduleTitle')}
        value={module.title}
        onChange={(title) => dispatch({ type: 'setModuleTitle', at: { module: index }, title })}
      />
      {module.lessons.map((lesson, lessonIndex) => (
        <LessonEditor
          key={lesson.id}
          lesson={lesson}
          at={{ module: index, lesson: lessonIndex }}
          count={module.lessons.length}
          scenarios={scenarios}
        />
      ))}
      <div className="editor-actions">
        <Button
          variant="secondary"
          onPress={() => dispatch({ type: 'add', at: { list: 'lessons', module: index } })}
        >
          {t('training.editor.parts.addLesson', { number: index + 1 })}
        </Button>
      </div>
      <PartTools
        name={name}
        index={index}
        count={count}
        onMove={(by) => dispatch({ type: 'move', at: modules, index, by })}
        onRemove={() => confirmRemove(name, { type: 'remove', at: modules, index })}
      />
    </section>
  );
});
