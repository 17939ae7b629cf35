import { useTranslation } from 'react-i18next';
import { type Language, topics } from '../../../shared/training/course.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { TranslatedFields, useEditor } from './editor-fields.tsx';
import { fieldId } from './editor-problems.ts';
import type { CourseDraft, CourseFieldsPatch, EditorState } from './editor-state.ts';

// The course as a whole: its short name (a new course only), title, summary, topic, languages,
// length and how long its certificate lasts.

const courseLanguages: Language[] = ['en', 'es'];

export function AboutFields({ state, isNew }: { state: EditorState; isNew: boolean }) {
  const { t } = useTranslation();
  const { course } = state;
  const { dispatch, problemAt } = useEditor();
  const set = (patch: CourseFieldsPatch) => dispatch({ type: 'setCourse', patch });
  return (
    <section className="editor-section" aria-labelledby="editor-about">
      <h2 id="editor-about">{t('training.editor.about.heading')}</h2>
      {isNew ? (
        <TextField
          id={fieldId('slug')}
          label={t('training.editor.about.slug')}
          description={t('training.editor.about.slugHelp')}
          value={state.slug}
          onChange={(slug) => dispatch({ type: 'setSlug', slug })}
          errorMessage={problemAt('slug')}
        />
      ) : null}
      <TranslatedFields
        path="title"
        label={t('training.editor.about.title')}
        value={course.title}
        onChange={(title) => set({ title })}
      />
      <TranslatedFields
        path="summary"
        label={t('training.editor.about.summary')}
        multiline
        value={course.summary}
        onChange={(summary) => set({ summary })}
      />
      <SelectField
        id={fieldId('topic')}
        label={t('training.editor.about.topic')}
        value={course.topic}
        onChange={(topic) => set({ topic: topic as CourseDraft['topic'] })}
        options={topics.map((topic) => ({ value: topic, label: t(`training.topics.${topic}`) }))}
        errorMessage={problemAt('topic')}
      />
      <fieldset id={fieldId('languages')} className="editor-part editor-part--flat">
        <legend className="editor-part__legend">{t('training.editor.about.languages')}</legend>
        <p className="field__description">{t('training.editor.about.languagesHelp')}</p>
        <div className="editor-checkboxes">
          {courseLanguages.map((language) => (
            <Checkbox
              key={language}
              isSelected={course.languages.includes(language)}
              onChange={(chosen) =>
                set({
                  languages: courseLanguages.filter((one) =>
                    one === language ? chosen : course.languages.includes(one),
                  ),
                })
              }
            >
              {t(`training.languageNames.${language}`)}
            </Checkbox>
          ))}
        </div>
        {problemAt('languages') ? <p className="field__error">{problemAt('languages')}</p> : null}
      </fieldset>
      <div className="editor-row">
        <TextField
          id={fieldId('minutes')}
          label={t('training.editor.about.minutes')}
          inputMode="numeric"
          className="field--short"
          value={course.minutes}
          onChange={(minutes) => set({ minutes })}
          errorMessage={problemAt('minutes')}
        />
        <div className="editor-expiry">
          <Checkbox isSelected={course.expires} onChange={(expires) => set({ expires })}>
            {t('training.editor.about.expires')}
          </Checkbox>
          {course.expires ? (
            <TextField
              id={fieldId('validMonths')}
              label={t('training.editor.about.validMonths')}
              inputMode="numeric"
              className="field--short"
              value={course.validMonths}
              onChange={(validMonths) => set({ validMonths })}
              errorMessage={problemAt('validMonths')}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
