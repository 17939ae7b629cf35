import type { Outcome, Topic } from '../../shared/training/course.ts';
import { trainingCertificateEn } from './en-training-certificate.ts';
import { trainingEditorEn } from './en-training-editor.ts';
import { trainingLearnEn } from './en-training-learn.ts';
import { trainingReportEn } from './en-training-report.ts';

// The English words of restorative training: a part of en.ts, kept in its own file. Every name
// training shares with the server is typed against its list, so that a new topic or outcome
// without words is a type error here.

const topics = {
  restorative_basics: 'Restorative basics',
  active_listening: 'Active listening',
  de_escalation: 'De-escalation',
  procedural_justice: 'Procedural justice',
  trauma_informed: 'Trauma-informed practice',
  community_policing: 'Community policing',
  circles: 'Circles',
  other: 'Other',
} satisfies Record<Topic, string>;

const choiceQualities = {
  good: 'A good choice',
  mixed: 'A mixed choice',
  poor: 'A poor choice',
} satisfies Record<Outcome, string>;

const endings = {
  good: 'Ending: it went well',
  mixed: 'Ending: it went partly well',
  poor: 'Ending: it went badly',
} satisfies Record<Outcome, string>;

export const trainingEn = {
  topics,
  choiceQualities,
  endings,
  languageNames: { en: 'English', es: 'Spanish' },
  minutes: '{{count}} minutes',
  version: 'Version {{version}}',
  courses: {
    title: 'Courses',
    heading: 'Courses of {{program}}',
    lead: 'The courses officers and facilitators of this program can take.',
    link: 'Courses of {{program}}',
    none: 'This program has no courses yet.',
    write: 'Write a new course',
    loadFailed: 'We could not load the courses. Check your connection, then try again.',
    notAllowed: 'These courses are not shared with your account.',
    topic: 'Topic',
    length: 'Length',
    versionLabel: 'Version',
    starter: {
      heading: 'Add from the starter curriculum',
      lead: 'Courses written by the Restorativ project. A copy is added to this program, for you to adapt.',
      add: 'Add to this program',
      added: 'Added',
      addedToast: '“{{title}}” is added to this program.',
      loadFailed:
        'We could not load the starter curriculum. Check your connection, then try again.',
    },
    import: {
      heading: 'Import a course file',
      lead: 'A course exported from Restorativ, here or elsewhere, as a .json file.',
      label: 'Choose a course file',
      help: 'The course is added as soon as the file is read.',
      reading: 'Reading and sending the file…',
      imported: '“{{title}}” is imported.',
      notJson: 'This file is not a course file: it could not be read as JSON. Nothing was sent.',
      refused: 'The course was not imported. Correct the file, then choose it again:',
      tooLarge: 'This file is too large to be a course file. Nothing was imported.',
      atField: 'At {{field}}:',
    },
  },
  course: {
    title: 'Course',
    programLink: 'All the program’s courses',
    loadFailed: 'We could not load this course. Check your connection, then try again.',
    notAllowed: 'This course does not exist, or it is not shared with your account.',
    facts: {
      topic: 'Topic',
      length: 'Length',
      version: 'Version',
      certificate: 'Certificate',
      validFor: 'Valid for {{count}} months',
      noExpiry: 'Does not expire',
      languages: 'Languages',
    },
    export: 'Export as a file',
    edit: 'Edit the course',
    moduleNumber: 'Module {{number}}',
    reflection: 'Reflection',
    reflectionNote: 'The learner writes an answer only they can read.',
    check: 'Knowledge check',
    chooseOne: 'The learner chooses one answer.',
    chooseSeveral: 'The learner chooses every right answer.',
    right: 'Right answer',
    notRight: 'Not right',
    feedback: 'Feedback:',
    practiceCircle: 'Practice circle',
    video: 'Video',
    watch: 'Watch “{{title}}”',
    transcript: 'Transcript',
    scenario: 'Scenario: {{title}}',
    scenarioLead:
      'The situations of the scenario, from the start. Each choice says where it leads.',
    situation: 'Situation {{number}}',
    leadsTo: '→ Situation {{number}}',
    consequence: 'What happens:',
    endingFeedback: 'What to take from it:',
    missingScenario: 'This scenario is missing from the course.',
  },
  beforeAfter: {
    heading: 'Before and after',
    lead: 'Attach one of the program’s training surveys: learners are given its before link as they start the course and its after link as they finish, and the trust dashboard compares the two sides. Answers are anonymous.',
    none: 'The program has no training survey yet. Make one in the program’s surveys, then attach it here.',
    survey: 'Training survey',
    noSurvey: 'No survey',
    save: 'Save',
    attached: 'Learners will be given the survey’s before and after links.',
    detached: 'The course no longer asks for a survey.',
    notTraining: 'Choose a training survey of this program.',
  },
  certificate: trainingCertificateEn,
  learnExtras: {
    certificate: {
      heading: 'Your certificate',
      validUntil: 'It is valid until {{date}}.',
      noExpiry: 'It does not expire.',
      expired: 'It expired on {{date}}.',
      renewal:
        'It is time to renew it: your coordinator assigns the course again. Tell them if they have not yet.',
      renewalBadge: 'Certificate to renew',
      download: 'Download the certificate (PDF)',
      check: 'Anyone you show it to can check it with its code, {{code}}:',
      checkLink: 'its public page',
    },
    survey: {
      beforeHeading: 'Before you begin: a short survey',
      afterHeading: 'Now that you are done: the same short survey',
      body: 'It takes about two minutes and is anonymous: answers are compared as a group before and after the course, never person by person.',
      beforeLink: 'Answer the survey before the course',
      afterLink: 'Answer the survey after the course',
    },
  },
  editor: trainingEditorEn,
  learn: trainingLearnEn,
  report: trainingReportEn,
};
