import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/training/course.ts';
import type { CourseDraft } from './editor-state.ts';

// A field of the course named in words from its anchor (editor-problems.ts), as the editor's
// legends and labels name it: the error summary says which field each message is about.

type Part = 'course' | 'module' | 'lesson' | 'step' | 'option' | 'scenario' | 'node' | 'choice';

/** The words of a field's own label, by the part it belongs to and its name in the path. */
function fieldWords(t: TFunction, part: Part, name: string, stepType: string): string | undefined {
  const words: Record<string, () => string> = {
    slug: () => t('training.editor.about.slug'),
    topic: () => t('training.editor.about.topic'),
    languages: () => t('training.editor.about.languages'),
    minutes: () => t('training.editor.about.minutes'),
    validMonths: () => t('training.editor.about.validMonths'),
    summary: () => t('training.editor.about.summary'),
    markdown: () => t('training.editor.steps.markdown'),
    url: () => t('training.editor.steps.url'),
    transcript: () => t('training.editor.steps.transcript'),
    prompt: () => t('training.editor.steps.prompt'),
    question: () => t('training.editor.steps.question'),
    options: () => t('training.editor.steps.answers'),
    about: () => t('training.editor.steps.about'),
    scenario: () => t('training.editor.steps.scenario'),
    start: () => t('training.editor.scenarios.start'),
    situation: () => t('training.editor.scenarios.situationText'),
    ending: () => t('training.editor.scenarios.kind'),
    consequence: () => t('training.editor.scenarios.consequence'),
    quality: () => t('training.editor.scenarios.quality'),
    next: () => t('training.editor.scenarios.leadsTo'),
  };
  if (name === 'title') {
    if (part === 'module') return t('training.editor.parts.moduleTitle');
    if (part === 'lesson') return t('training.editor.parts.lessonTitle');
    if (part === 'scenario') return t('training.editor.scenarios.title');
    if (part === 'step' && stepType === 'video') return t('training.editor.steps.videoTitle');
    return t('training.editor.about.title');
  }
  if (name === 'label') {
    return part === 'option'
      ? t('training.editor.steps.answerLabel')
      : t('training.editor.scenarios.choiceLabel');
  }
  if (name === 'feedback') {
    return part === 'option'
      ? t('training.editor.steps.feedback')
      : t('training.editor.scenarios.endingFeedback');
  }
  return words[name]?.();
}

/**
 * Where an anchor is, in words, for the error summary: "Module 1, Lesson 2, Step 1: Text (Spanish)",
 * so that several messages alike still say which field each is about.
 */
export function anchorName(t: TFunction, anchor: string, course: CourseDraft): string {
  const segments = anchor.split('.');
  const names: string[] = [];
  let part: Part = 'course';
  let stepType = '';
  let field = '';
  let language: Language | undefined;
  for (let at = 0; at < segments.length; at += 1) {
    const segment = segments[at] ?? '';
    const index = Number(segments[at + 1]);
    const numbered = Number.isInteger(index);
    const number = index + 1;
    if (segment === 'modules' && numbered) {
      names.push(t('training.editor.parts.module', { number }));
      part = 'module';
    } else if (segment === 'lessons' && numbered) {
      names.push(t('training.editor.parts.lesson', { number }));
      part = 'lesson';
    } else if (segment === 'steps' && numbered) {
      const [m, l] = [Number(segments[1]), Number(segments[3])];
      stepType = course.modules[m]?.lessons[l]?.steps[index]?.type ?? 'text';
      const kind = t(`training.editor.stepKinds.${stepType as 'text'}`);
      names.push(t('training.editor.parts.step', { number, kind }));
      part = 'step';
    } else if (segment === 'options' && numbered) {
      names.push(t('training.editor.steps.answer', { number }));
      part = 'option';
    } else if (segment === 'scenarios' && numbered) {
      names.push(t('training.editor.scenarios.scenario', { number }));
      part = 'scenario';
    } else if (segment === 'nodes' && numbered) {
      const id = course.scenarios[Number(segments[1])]?.nodes[index]?.id ?? String(number);
      names.push(t('training.editor.scenarios.situation', { id }));
      part = 'node';
    } else if (segment === 'choices' && numbered) {
      names.push(t('training.editor.scenarios.choice', { number }));
      part = 'choice';
    } else if (segment === 'en' || segment === 'es') {
      language = segment;
      continue;
    } else {
      field = segment;
      continue;
    }
    at += 1;
  }
  const words = field ? fieldWords(t, part, field, stepType) : undefined;
  const label =
    words && language
      ? t('training.editor.inLanguage', {
          field: words,
          language: t(`training.editor.languages.${language}`),
        })
      : words;
  const place = names.join(', ');
  return [place, label].filter(Boolean).join(': ');
}
