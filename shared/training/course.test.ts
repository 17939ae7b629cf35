import { describe, expect, it } from 'vitest';
import { type CourseContentInput, checkCourse, courseContent } from './course.ts';

// What a course's check refuses, by field, so that the authoring form and an import can say
// exactly where: a text missing in one of the course's languages, a check with no right answer
// or two where one is asked, a scenario step naming no scenario, a broken scenario graph.

const t = (text: string) => ({ en: text, es: text });

function course(overrides: Partial<CourseContentInput> = {}): CourseContentInput {
  return {
    title: t('De-escalation'),
    summary: t('Slowing things down.'),
    topic: 'de_escalation',
    languages: ['en', 'es'],
    minutes: 30,
    validMonths: null,
    modules: [
      {
        id: 'm1',
        title: t('Time and distance'),
        lessons: [
          {
            id: 'l1',
            title: t('Slow down'),
            steps: [
              {
                type: 'check',
                id: 'c1',
                question: t('What buys time?'),
                multiple: false,
                options: [
                  { id: 'a', label: t('Distance'), correct: true, feedback: t('Yes.') },
                  { id: 'b', label: t('Shouting'), correct: true, feedback: t('No.') },
                ],
              },
              { type: 'scenario', id: 's1', scenario: 'stop' },
            ],
          },
        ],
      },
    ],
    scenarios: [],
    ...overrides,
  };
}

const problemsOf = (input: CourseContentInput) => checkCourse(courseContent.parse(input));

describe('checking a course', () => {
  it('names each problem by its field', () => {
    const problems = problemsOf(course({ title: { en: 'De-escalation' } }));
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['title.es', 'missing_translation'],
      ['modules.0.lessons.0.steps.0.options', 'right_answers'],
      ['modules.0.lessons.0.steps.1.scenario', 'unknown_scenario'],
    ]);
    expect(problems[0]?.message).toBe('Write this in Spanish too: the course is offered in it.');
  });

  it('refuses an image without words for what it shows, or from an address that is not https', () => {
    const withText = (markdown: { en: string; es: string }) =>
      course({
        modules: [
          {
            id: 'm1',
            title: t('Circles'),
            lessons: [
              { id: 'l1', title: t('Seats'), steps: [{ type: 'text', id: 'x1', markdown }] },
            ],
          },
        ],
      });
    expect(
      problemsOf(
        withText({
          en: 'Seats.\n\n![A ring of chairs](/course-images/circle-of-chairs.svg)',
          es: 'Sillas.\n\n![Sillas en círculo](https://agency.example/chairs.png)',
        }),
      ),
    ).toEqual([]);
    const problems = problemsOf(
      withText({
        en: '![](/course-images/circle-of-chairs.svg)',
        es: '![Sillas](http://agency.example/chairs.png)\n![Sillas](//tracker.example/x.gif)',
      }),
    );
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['modules.0.lessons.0.steps.0.markdown.en', 'image_words'],
      ['modules.0.lessons.0.steps.0.markdown.es', 'image_address'],
      ['modules.0.lessons.0.steps.0.markdown.es', 'image_address'],
    ]);
    expect(problems[0]?.message).toBe(
      'Say in words what the image “/course-images/circle-of-chairs.svg” shows, between the brackets: ![what it shows](/course-images/circle-of-chairs.svg).',
    );
  });

  it('accepts a course in one language with texts in that language only', () => {
    const english = course({
      languages: ['en'],
      title: { en: 'De-escalation' },
      modules: [
        {
          id: 'm1',
          title: { en: 'Time' },
          lessons: [
            {
              id: 'l1',
              title: { en: 'Slow down' },
              steps: [{ type: 'text', id: 'x', markdown: { en: 'Breathe.' } }],
            },
          ],
        },
      ],
    });
    expect(problemsOf(english)).toEqual([]);
  });

  it('refuses a step of an unknown kind and an id with spaces, through the schema', () => {
    const parsed = courseContent.safeParse(
      course({
        modules: [
          {
            id: 'Module one',
            title: t('x'),
            lessons: [{ id: 'l', title: t('x'), steps: [{ type: 'quiz', id: 'q' } as never] }],
          },
        ],
      }),
    );
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ['modules.0.id', 'Use lowercase letters, digits, - and _ (up to 60).'],
        ['modules.0.lessons.0.steps.0.type', 'Choose a kind of step.'],
      ]),
    );
  });
});
