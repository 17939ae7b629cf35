import type {
  AnswerState,
  Phase,
  RoleGroup,
  SurveyState,
} from '../../shared/measurement/contract.ts';
import type { Construct, ScaleKind, SurveyKind } from '../../shared/measurement/item-bank.ts';
import type { CustomQuestion } from '../../shared/measurement/survey-definition.ts';
import type { EffectMagnitude } from '../features/measurement/figures.ts';

// The English words of trust and outcome measurement: a part of en.ts, kept in its own file for
// its size. Every name measurement shares with the server is typed against its list, so that a
// new kind, state or construct without words is a type error here. Counts are said beside a
// label ("People: 12") rather than in plural forms, as in the rest of the catalogue.

const kinds = {
  after_process: 'After a circle or conference',
  pulse: 'Community pulse',
  training: 'Before and after a training',
} satisfies Record<SurveyKind, string>;

const kindDescriptions = {
  after_process:
    'Sent to the people of each circle and conference of the program once it closes, about that meeting.',
  pulse:
    'Answered by anyone with its link or QR code, on a poster for example, about the police in their neighbourhood.',
  training:
    'Answered by officers before and after a training, about their own work; the two are compared.',
} satisfies Record<SurveyKind, string>;

const states = {
  upcoming: 'Opens soon',
  open: 'Open',
  closed: 'Closed',
} satisfies Record<SurveyState, string>;

const constructNames = {
  respect: 'Respect',
  voice: 'Being listened to',
  neutrality: 'Fair decisions',
  motives: 'Trustworthy motives',
  heard: 'Feeling heard',
  safety: 'Feeling safe',
  reporting: 'Willing to report',
} satisfies Record<Construct, string>;

const scaleNames = {
  agreement: 'Strongly disagree to strongly agree',
  frequency: 'Never to always',
  confidence: 'Not at all confident to completely confident',
} satisfies Record<ScaleKind, string>;

const questionTypes = {
  scale: 'A five-point scale',
  single_choice: 'One choice from a list',
  short_text: 'A short written answer',
} satisfies Record<CustomQuestion['type'], string>;

const roleGroups = {
  resident: 'Residents',
  officer: 'Police officers and staff',
  other: 'Others',
} satisfies Record<RoleGroup, string>;

const magnitudes = {
  negligible: 'a negligible effect',
  small: 'a small effect',
  medium: 'a medium effect',
  large: 'a large effect',
} satisfies Record<EffectMagnitude, string>;

const answerStates = {
  answered: {
    heading: 'You have already answered',
    body: 'Answers from this link were already received. Thank you for taking part.',
  },
  closed: {
    heading: 'This survey has closed',
    body: 'It no longer takes answers. Thank you for your interest.',
  },
  upcoming: {
    heading: 'This survey is not open yet',
    body: 'Please come back later with the same link.',
  },
  expired: {
    heading: 'This link has expired',
    body: 'A survey link works for {{days}} days. You have done nothing wrong.',
  },
} satisfies Record<Exclude<AnswerState, 'open'>, { heading: string; body: string }>;

export const measurementEn = {
  loadFailed: 'We could not load these figures. Check your connection, then try again.',
  cancel: 'Cancel',
  kinds,
  kindDescriptions,
  states,
  constructs: constructNames,
  scales: scaleNames,
  questionTypes,
  roleGroups,
  magnitudes,
  groupUnsaid: 'Did not say',
  phases: { before: 'before the training', after: 'after the training' },
  languageNames: { en: 'English', es: 'Spanish' },
  quarter: 'Q{{number}} {{year}}',
  quarterShort: 'Q{{number}}',
  hidden: {
    belowThreshold: 'Fewer than {{threshold}} people — not shown to protect them',
    tooFew: 'Too few people — not shown to protect them',
    derivable: 'Not shown, so that a smaller group cannot be worked out from the other figures',
  },
  intervalNote:
    'Each figure comes with a 95% interval: the range the true figure most likely lies in. The fewer people answered, the wider it is.',
  figures: {
    mean: '{{mean}} out of 5',
    meanWithInterval: '{{mean}} out of 5 (95% interval {{lower}} to {{upper}})',
    share: '{{percent}}%',
    shareWithInterval: '{{percent}}% (95% interval {{lower}}% to {{upper}}%)',
    noAnswers: 'No answers',
  },
  table: {
    quarter: 'Quarter',
    group: 'Group',
    people: 'People',
    trust: 'Trust index (1 to 5)',
    construct: 'Part of trust',
    favourable: 'Favourable answers',
  },
  errors: {
    kind: 'Choose the kind of survey.',
    languages: 'Choose at least one language.',
    title: 'Write the title.',
    titleIn: 'Write the title in {{language}}.',
    titleLong: 'Keep the title under {{max}} characters.',
    items: 'Ask at least one question: choose some from the bank, or write your own.',
    questionsMany: 'Write at most {{max}} questions of your own.',
    prompt: 'Your question {{question}}: write the question.',
    promptIn: 'Your question {{question}}: write it in {{language}}.',
    promptLong: 'Your question {{question}}: keep it under {{max}} characters.',
    option: 'Your question {{question}}, option {{option}}: write the option.',
    optionIn: 'Your question {{question}}, option {{option}}: write it in {{language}}.',
    optionLong: 'Your question {{question}}, option {{option}}: keep it under {{max}} characters.',
    optionsFew: 'Your question {{question}}: give at least two options.',
    optionsMany: 'Your question {{question}}: give at most ten options.',
    maxLength: 'Your question {{question}}: give a whole number from 1 to {{max}}.',
    neighbourhoodsMany: 'List at most {{max}} neighbourhoods.',
    neighbourhoodsTwice: 'Name each neighbourhood once.',
    neighbourhoodLong: 'Keep each neighbourhood under {{max}} characters.',
    dateTime: 'Give a date and a time.',
    closesFirst: 'The survey must close after it opens.',
    closesPast: 'That closing time has passed. Choose a later one.',
    closedStays: 'A closed survey cannot be opened again. Set up a new one instead.',
    threshold: 'Give a whole number from {{min}} to {{max}}.',
  },
  nav: {
    heading: 'Trust and outcomes',
    lead: 'Surveys and what they show, for each program you work in. Figures for small groups are never shown.',
    programs: 'Programs',
    dashboard: 'Figures',
    surveys: 'Surveys',
    organisations: 'Across an organisation',
    organisationLink: 'Every program of {{organisation}}',
    none: 'You do not work in a program that measures trust yet.',
  },
  answer: {
    title: 'Survey',
    eyebrow: 'A short survey from {{program}}',
    loadFailed: 'We could not load the survey. Check your connection, then try again.',
    beforeHeading: 'Before you start',
    lead: {
      after_process: 'These questions are about the meeting you took part in.',
      pulse: 'These questions are about the police in your neighbourhood.',
      training: 'These questions are about your own work.',
    } satisfies Record<SurveyKind, string>,
    phaseLead: {
      before:
        'You are answering before the training. At its end you will be asked again; the answers from before and after are compared as groups, never person by person.',
      after:
        'You are answering after the training. The answers from before and after are compared as groups, never person by person.',
    } satisfies Record<Phase, string>,
    anonymous:
      'Your answers are anonymous. No one can see who gave them, not even the program’s staff.',
    optional:
      'Answering is your choice. You may leave out any question not marked “Required”, and stop at any time.',
    time: 'It takes about {{minutes}} min.',
    whoSees:
      'Staff only see totals for groups of at least {{threshold}} people, never one person’s answers. Written answers are shown with nothing beside them.',
    language: 'Language of the questions',
    questionsHeading: 'Questions',
    number: 'Question {{number}} of {{total}}',
    required: 'Required',
    charactersLeft: 'Characters left: {{left}}.',
    charactersOver: 'Too long by {{over}} characters.',
    aboutYouHeading: 'About you',
    aboutYouLead:
      'These help show whether different groups see things differently. You may prefer not to say.',
    roleGroup: 'Which best describes you?',
    roles: {
      resident: 'A resident',
      officer: 'A police officer or police staff',
      other: 'Something else',
      unsaid: 'Prefer not to say',
    },
    neighbourhood: 'Which neighbourhood do you live in?',
    preferNotToSay: 'Prefer not to say',
    submit: 'Send my answers',
    sent: {
      heading: 'Thank you',
      body: 'Your answers were received. Thank you.',
      more: 'You may close this page.',
    },
    states: answerStates,
    notFound: {
      heading: 'We can’t find this survey',
      body: 'The link may be mistyped or out of date. You have done nothing wrong.',
    },
    notTaking: {
      heading: 'This survey is not taking answers now',
      body: 'Thank you for your interest. You have done nothing wrong.',
    },
    busy: {
      heading: 'Many people are starting this survey',
      body: 'Please wait a minute, then try again.',
    },
    support: {
      summary: 'Need someone to talk to?',
      intro: 'If these questions bring up something hard, you can reach out:',
      emergency: 'In an emergency, call',
    },
    errors: {
      required: 'This question needs an answer.',
      empty: 'Answer at least one question before sending.',
      scale: 'Choose one of the five answers.',
      choice: 'Choose one of the options.',
      text: 'Check your answer here.',
      textLong: 'Keep your answer under {{max}} characters.',
      roleGroup: 'Choose one of the answers, or “Prefer not to say”.',
      neighbourhood: 'Choose your neighbourhood from the list, or “Prefer not to say”.',
    },
  },
  mine: {
    title: 'Your surveys',
    lead: 'Short surveys after the circles and meetings you took part in. Your answers are anonymous: no one can see who gave them.',
    none: 'No surveys are waiting for you.',
    loadFailed: 'We could not load your surveys. Check your connection, then try again.',
    about: 'About: {{about}}',
    answerBy: 'Answer by {{date}}',
    answer: 'Answer now',
    answerLabel: 'Answer “{{title}}” now',
    refused: {
      answered: 'This survey was already answered. Thank you.',
      closed: 'This survey has closed.',
      upcoming: 'This survey has not opened yet. Please come back later.',
      expired: 'The time to answer this survey has passed.',
    } satisfies Record<Exclude<AnswerState, 'open'>, string>,
  },
  surveys: {
    title: 'Surveys',
    heading: 'Surveys of {{program}}',
    lead: 'Surveys after circles and conferences, community pulses, and surveys before and after a training. Answers are anonymous.',
    new: 'New survey',
    none: 'No surveys yet.',
    notAllowed: 'This program’s surveys are not available to your account.',
    dashboardLink: 'See the figures of {{program}}',
    opens: 'Opens',
    closes: 'Closes',
    openUntilClosed: 'Open until someone closes it',
    responses: 'Answers: {{count}}',
  },
  create: {
    title: 'New survey',
    lead: 'A survey for {{program}}. People answer it anonymously.',
    kind: 'Kind of survey',
    languages: 'Languages',
    languagesHelp: 'People answer in one of these. Your own questions need words in each.',
    titleIn: 'Title in {{language}}',
    titleHelp: 'People read it above the questions.',
    items: 'Questions from the bank',
    itemsHelp:
      'Written by Restorativ on respect, being listened to, fair decisions, trustworthy motives, feeling heard, safety and willingness to report. Each is answered on a labelled five-point scale.',
    itemsChosen: 'Chosen: {{chosen}} of {{total}}',
    reverse: 'Worded the other way round: agreeing means less trust.',
    custom: 'Your own questions',
    customHelp: 'Up to {{max}}, shown after the bank’s questions.',
    addQuestion: 'Add a question',
    question: 'Your question {{number}}',
    type: 'Kind of answer',
    promptIn: 'Question in {{language}}',
    scale: 'Scale',
    optionIn: 'Option {{number}} in {{language}}',
    addOption: 'Add an option',
    removeOption: 'Remove option {{number}}',
    maxLength: 'Longest answer, in characters',
    maxLengthHelp: 'Up to {{max}}. Leave empty for {{max}}.',
    required: 'People must answer this question',
    removeQuestion: 'Remove your question {{number}}',
    neighbourhoods: 'Neighbourhoods',
    neighbourhoodsHelp:
      'One a line. People may choose theirs or prefer not to say. Leave empty not to ask.',
    opensAt: 'Opens',
    closesAt: 'Closes',
    timesHelp: 'In your device’s time zone.',
    closesHelp: 'Leave empty to keep it open until you close it.',
    advanced: 'Advanced',
    threshold: 'Smallest group shown',
    thresholdHelp:
      'No figure is shown for a group of fewer people than this ({{min}} to {{max}}; usually {{usual}}).',
    submit: 'Create the survey',
    created: 'The survey was created.',
  },
  survey: {
    title: 'Survey',
    notAllowed: 'This survey is not available to your account.',
    loadFailed: 'We could not load this survey. Check your connection, then try again.',
    facts: {
      kind: 'Kind',
      state: 'State',
      opens: 'Opens',
      closes: 'Closes',
      responses: 'Answers received',
      invitations: 'Links sent or started',
      invitationsValue: '{{sent}}, of which answered: {{answered}}',
      threshold: 'Smallest group shown',
      languages: 'Languages',
    },
    programLink: 'All surveys of the program',
    dashboardLink: 'See the program’s figures',
    questionsHeading: 'Questions',
    ownQuestion: 'Your own question',
    link: {
      heading: 'Public link and poster',
      lead: 'Anyone with this link or its QR code can answer, once each visit. Put the poster where people wait or meet.',
      qrLabel: 'QR code of the survey’s link',
      copy: 'Copy the link',
      copied: 'The link was copied.',
      copyFailed: 'We could not copy the link. Select it and copy it yourself.',
      posterPng: 'Download the poster as an image (PNG)',
      posterPdf: 'Download the poster to print (PDF)',
      phaseHeading: 'Links for before and after the training',
      phaseLead:
        'Show the first link or its poster as the training starts, and the second as it ends. Each answer is marked before or after, so that the two can be compared; nothing else tells them apart.',
      phase: {
        before: 'Before the training',
        after: 'After the training',
      } satisfies Record<Phase, string>,
      qrLabelPhase: {
        before: 'QR code of the link for before the training',
        after: 'QR code of the link for after the training',
      } satisfies Record<Phase, string>,
    },
    manage: {
      heading: 'Change or close',
      lead: 'The title and closing date can change at any time. The questions cannot, once someone has answered.',
      change: 'Change the title or closing date',
      save: 'Save the changes',
      changed: 'The survey was changed.',
      close: 'Close the survey',
      closeTitle: 'Close this survey?',
      closeBody: 'Once it is closed:',
      closeNoMore: 'No one can answer any more, even with a link already sent.',
      closeFigures: 'The answers received stay in the figures.',
      closeFinal: 'It cannot be opened again.',
      closeConfirm: 'Close the survey',
      closed: 'The survey was closed.',
      notOpen: 'This survey has already closed.',
    },
  },
  results: {
    heading: 'Results',
    notYet: 'Results appear once the answers of {{threshold}} people count. Counted so far: {{n}}.',
    lead: 'From {{n}} people. Small groups are never shown apart.',
    loadFailed: 'We could not load the results. Check your connection, then try again.',
    favourable: 'Favourable answers: {{share}}',
    showTable: 'Show the answers to question {{number}} as a table',
    caption: 'Answers to question {{number}}',
    answer: 'Answer',
    people: 'People',
    textsHeading: 'Written answers',
    textsLead: 'In no order, with nothing that could say who wrote them.',
    noTexts: 'No written answers.',
    cutoff:
      'Answers up to {{date}}. Later ones are added when a quarter ends or the survey closes, once there are enough of them to protect who gave them.',
    noneCounted:
      'Answers count once a quarter ends, or once the survey closes. None of this survey’s answers count yet.',
    textsWhenClosed:
      'Written answers are shown once the survey has closed and every answer counts.',
  },
  dashboard: {
    title: 'Trust and outcomes',
    lead: 'What people said in anonymous surveys, quarter by quarter. No figure is shown for a group of fewer than {{threshold}} people.',
    notAllowed: 'This program’s figures are not available to your account.',
    choose: 'Which figures',
    kind: 'Survey',
    quarter: 'Quarter',
    compareWith: 'Compare with',
    quarterBefore: 'The quarter before',
    downloadCsv: 'Download these figures (CSV)',
    downloadReport: 'Download the report for {{quarter}} (PDF)',
    surveysLink: 'The program’s surveys',
    soFar_one: 'This quarter so far: {{count}} answer; its figures appear after {{date}}.',
    soFar_other: 'This quarter so far: {{count}} answers; its figures appear after {{date}}.',
    trustHeading: 'Trust index',
    trustLead:
      'The average answer to the questions on respect, being listened to, fair decisions and trustworthy motives, from 1 (low) to 5 (high).',
    trendLabel: 'Trust index by quarter: {{values}}',
    trendCaption: 'Trust index by quarter',
    showTrendTable: 'Show the trust index as a table',
    notShown: 'not shown',
    noAnswersYet: 'No one has answered this kind of survey in these two years yet.',
    changeHeading: 'Change',
    change: {
      up: 'Trust went up by {{amount}} points from {{from}} to {{to}} (95% interval {{lower}} to {{upper}})',
      down: 'Trust went down by {{amount}} points from {{from}} to {{to}} (95% interval {{lower}} to {{upper}})',
      same: 'Trust stayed about the same from {{from}} to {{to}} (95% interval {{lower}} to {{upper}})',
      effect: '; {{magnitude}}, Hedges’ g {{g}}.',
      noEffect: '.',
      unclear: 'The interval includes no change at all, so the difference may be chance.',
      none: 'Too few answers in {{from}} or in {{to}} to compare them.',
      difference: 'Difference in points',
      interval: '95% interval',
      effectSize: 'Hedges’ g (effect size)',
      effectInterval: '95% interval of g',
    },
    constructsHeading: 'Each part of trust in {{quarter}}',
    constructsLead:
      'The share of people who gave a favourable answer: 4 or 5, with questions worded the other way round turned round.',
    constructsCaption: 'Favourable answers by part of trust, {{quarter}}',
    showConstructsTable: 'Show the parts of trust as a table',
    shareLabel: '{{name}}: {{share}}',
    groupsLead:
      'One way at a time: roles and neighbourhoods are never crossed, so that no small group can be singled out.',
    groupsHeading: 'By role and by neighbourhood, {{quarter}}',
    byRole: 'Trust index by role, {{quarter}}',
    byNeighbourhood: 'Trust index by neighbourhood, {{quarter}}',
    noGroups: 'No answers in this quarter.',
    ratesHeading: 'Taking part, {{quarter}}',
    responseRate: 'Surveys answered after circles and conferences',
    agreementCompletion: 'Conference agreement items completed when due',
    rateValue: '{{share}}, of {{n}}',
    noRate: 'None in this quarter.',
    noFigures: 'No answers in {{quarter}} yet.',
  },
  organisation: {
    title: 'Trust and outcomes across programs',
    lead: 'Each program’s latest trust index. Small groups are never shown.',
    notAllowed: 'These figures are not available to your account.',
    latest: 'Latest quarter: {{quarter}}',
    people: 'People: {{n}}',
    noFigures: 'No figures yet.',
    dashboardLink: 'See the figures of {{program}}',
    publicHeading: 'Public page',
    publicLead:
      'Anyone may see each program’s trust figures on a public page, with small groups hidden as they are here. Names and written answers are never on it.',
    publicToggle: 'Show these figures on a public page',
    publicOn: 'The public page is on.',
    publicOff: 'Only people of the organisation see these figures.',
    publicLink: 'Open the public page',
    saved: 'Saved.',
  },
  public: {
    title: 'Trust figures',
    heading: 'Trust in {{organisation}}',
    lead: 'What people told us in anonymous surveys, quarter by quarter.',
    notPublished: 'This organisation has not published its figures.',
    whatHeading: 'What these figures are',
    what: 'The trust index is the average answer to questions on respect, being listened to, fair decisions and trustworthy motives, from 1 (low) to 5 (high).',
    sources:
      'A community pulse is answered by anyone in the area with a public link. The survey after a circle or conference is answered by people who took part in one.',
    protectedHeading: 'How people are protected',
    protected:
      'Answers are anonymous and can never be linked to a person. No figure is shown for a group of fewer than {{threshold}} people, and a quarter’s figures appear only once it has ended, so that no one’s answers can be picked out.',
    pulseHeading: 'Community pulse',
    afterProcessHeading: 'After circles and conferences',
    trendCaption: '{{program}}, {{survey}}: trust index by quarter',
    showTable: 'Show it as a table',
    noFigures: 'No figures yet.',
  },
};
