import type { StepType } from '../../shared/training/course.ts';
import type { ProgressRefusal } from '../../shared/training/progress.ts';

// The English words of a learner's own training: "My training" and taking a course.

const kinds = {
  text: 'Reading',
  video: 'Video',
  reflection: 'Reflection',
  check: 'Knowledge check',
  scenario: 'Scenario',
  practice_circle: 'Practice circle',
} satisfies Record<StepType, string>;

/** The server's refusals (409, with a code), said in the page's language. */
const refusals = {
  unknown_step: 'This step is no longer part of the course. Reload the page to see it as it is.',
  wrong_kind: 'This step is not done that way. Reload the page, then try again.',
  already_done: 'This step is already done. You can go on to the next one.',
  unknown_choice: 'That choice is not offered here any more. Reload the page to see where you are.',
  empty_answer: 'Choose an answer first.',
  one_answer_only: 'Choose one answer only.',
  walk_not_ended: 'Finish this walk through the scenario before you start it again.',
  course_completed: 'You have already completed this course, so this step cannot change now.',
} satisfies Record<ProgressRefusal, string>;

export const trainingLearnEn = {
  due: 'Due {{date}}',
  overdueMark: 'Past its due date',
  overdue: 'It was due {{date}}. You can still take it, at your own pace.',
  percentDone: '{{percent}}% done',
  mine: {
    title: 'My training',
    lead: 'The courses assigned to you, with when each is due. You can take them a few minutes at a time, on your phone or a computer; each step is kept as you go.',
    loadFailed: 'We could not load your courses. Check your connection, then try again.',
    notAllowed: 'Training is not available with this account.',
    emptyHeading: 'No courses for you right now',
    empty:
      'Training here means short courses on restorative practice: listening, de-escalation, fair and respectful encounters, and taking part in a circle. Each has readings, questions to check what you learned, reflections only you can read, and scenarios where you choose what to do and see what follows.',
    emptyNext:
      'When your program’s coordinator assigns you a course, it appears here with its due date.',
    toDo: 'To do',
    completed: 'Completed',
    completedOn: 'Completed on {{date}}',
    start: 'Start',
    continue: 'Continue',
    lookBack: 'Look back through it',
    programs: {
      heading: 'Courses of your programs',
      lead: 'Every course your programs offer, to read through from start to end.',
    },
  },
  course: {
    title: 'Course',
    back: 'My training',
    loadFailed: 'We could not load this course. Check your connection, then try again.',
    notAllowed: 'This course is not among the ones assigned to you.',
    minutes_one: 'About {{count}} minute in all',
    minutes_other: 'About {{count}} minutes in all',
    stepsDone: '{{done}} of {{total}} steps done',
    completedHeading: 'You completed this course',
    completedBody:
      'Thank you for the time and thought you gave it. You finished it on {{date}}. You can look back through any step, and walk the scenarios again to practise.',
    completedNow: 'You completed this course.',
    outline: {
      summary: 'Where you are: step {{number}} of {{total}}',
      label: 'The course’s steps',
      moduleNumber: 'Module {{number}}: {{title}}',
      step: 'Step {{number}}: {{kind}}',
      done: 'done',
      notDone: 'not done yet',
      here: 'you are here',
    },
    moduleNumber: 'Module {{number}}',
    stepOf: 'Step {{number}} of {{total}}',
    kinds,
    doneMark: 'Done',
    stepsNav: 'Steps',
    previous: 'Previous',
    next: 'Next',
    refusals,
    text: {
      done: 'Done reading',
    },
    video: {
      watch: 'Watch “{{title}}”',
      newTab: '(opens in a new tab)',
      transcript: 'Transcript',
      transcriptLead: 'What the video says, to read instead of or as well as watching it.',
      done: 'Done',
    },
    reflection: {
      label: 'Your reflection',
      private:
        'Only you can read this. Your supervisor and coordinator see that you wrote it, never what you wrote.',
      save: 'Save my reflection',
      empty: 'Write a few words first.',
      saved: 'Your reflection is saved.',
      yourWords: 'What you wrote',
      share: 'Share it with the course’s coordinators',
      stopSharing: 'Stop sharing it',
      sharedNow:
        'You shared this with the course’s coordinators: they can read it in the course’s report. You can stop sharing it at any time.',
    },
    check: {
      chooseOne: 'Choose one answer.',
      chooseSeveral: 'Choose every answer that is right.',
      submit: 'Check my answer',
      chooseFirst: 'Choose an answer first.',
      right: 'That’s right.',
      wrong: 'Not quite. Read the feedback below, then try again.',
      rightMark: 'Right',
      notRightMark: 'Not right',
      aboutYourAnswer: 'About your answer',
      doneBefore: 'You answered this rightly. Here is the right answer again.',
      doneBeforeSeveral: 'You answered this rightly. Here are the right answers again.',
    },
    scenario: {
      heading: 'Scenario: {{title}}',
      lead: 'Read the situation, then choose what you would do. Each choice shows what follows; there is nothing to lose by trying.',
      situation: 'The situation',
      nextSituation: 'What happens next',
      whatDo: 'What do you do?',
      whatHappened: 'What happened',
      youChose: 'You chose: {{choice}}',
      path_one: 'Your path so far ({{count}} choice)',
      path_other: 'Your path so far ({{count}} choices)',
      ending: 'How it ended',
      takeaway: 'What to take from it',
      again: 'Walk it again',
      againNote:
        'Walk it again as often as you like, to see where other choices lead. Your first walk is the one that counts.',
      restarted: 'You are back at the start of the scenario.',
    },
    practice: {
      note: 'This step is completed by taking part in a practice circle of your program. Your coordinator will invite you; once you have attended one, it is marked done here by itself.',
      done: 'Done: you took part in a practice circle.',
    },
  },
};
