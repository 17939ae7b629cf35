import type { AgeBand } from '../../shared/youth/contract.ts';

// The English words of a youth program's page for its coordinators: a part of en.ts, kept in its
// own file. The readers work with minors and their families: plain words, what each choice
// means for the young person and their guardian.

const bands = {
  '10-11': '10 to 11',
  '12-13': '12 to 13',
  '14-15': '14 to 15',
  '16-17': '16 to 17',
  '18-20': '18 to 20',
  '21-24': '21 to 24',
} satisfies Record<AgeBand, string>;

const statuses = {
  adult: 'Can take part',
  current: 'Can take part',
  none: 'The guardian has not been asked yet',
  requested: 'Waiting for the guardian’s answer',
  declined: 'The guardian declined',
  withdrawn: 'Consent withdrawn',
  lapsed: 'Consent has run out: ask again',
} satisfies Record<
  'adult' | 'current' | 'none' | 'requested' | 'declined' | 'withdrawn' | 'lapsed',
  string
>;

export const youthProgramEn = {
  program: {
    title: 'Youth program',
    heading: 'Young people in {{program}}',
    link: 'Young people in {{program}}',
    lead: 'Who the program is for, who looks after safeguarding, and the young people taking part.',
    loadFailed: 'We could not load this page. Check your connection, then try again.',
    notAllowed: 'This program’s youth settings are not shared with your account.',
    bands,
    statuses,
    settings: {
      heading: 'Youth program settings',
      makeHeading: 'Make this a youth program',
      makeLead:
        'A youth program welcomes young people aged 10 to 24. Once it is one, you can add young people here. For anyone under 18, their parent or guardian is asked by email to agree first, and the young person can take part only once they have said yes.',
      makeKept:
        'We keep very little about a young person: the name they choose to be called, their age band and, for those under 18, their guardian’s name and email.',
      lead: 'Guardians read these words and rules before they agree. Change them with care.',
      ages: 'Ages',
      agesHelp: 'The youngest and oldest ages the program welcomes, from 10 to 24.',
      minAge: 'Youngest age',
      maxAge: 'Oldest age',
      safeguarding: 'Safeguarding',
      forGuardians: 'What guardians agree to',
      forGuardiansHelp:
        'Guardians read this before they say yes. Changing it, or the meeting rules, asks every guardian again.',
      safeguardingLead: 'Safeguarding lead',
      safeguardingLeadHelp:
        'The person every worry about a young person’s safety goes to, and only to them. Guardians and young people see their name.',
      chooseLead: 'Choose a person',
      noKeepers:
        'No coordinator or facilitator of this program can be chosen yet. Add one on the organisation page first.',
      rules: 'Meeting rules',
      rulesHelp: 'Guardians are told these rules before they agree.',
      twoAdultsPresent: 'At least two adults of the program at every meeting with young people',
      openPlacesOnly: 'Meetings only in public places or the program’s own rooms',
      guardianSeesMentoring:
        'Guardians may read the messages between their young person and their mentor',
      retentionDays: 'Keep a young person’s record for (days)',
      retentionDaysHelp:
        'After a young person leaves, their record is kept this many days, then removed: from 30 days to 3 years (1,095 days).',
      consentValidDays: 'A guardian’s consent lasts (days)',
      consentValidDaysHelp:
        'After this many days we ask the guardian again: from 30 days to 2 years (730 days).',
      aboutForGuardians: 'About the program, for guardians',
      aboutForGuardiansHelp:
        'In a sentence or two, in plain words: what their young person will do, where and with whom.',
      askAgainHeading: 'Guardians will be asked again',
      askAgainBody:
        'You changed what guardians agree to. When you save, every guardian is emailed and asked again, and their young person can take part only once they agree again.',
      askAgainCount_one: 'This means 1 guardian will get an email.',
      askAgainCount_other: 'This means {{count}} guardians will get an email.',
      makeSubmit: 'Make this a youth program',
      submit: 'Save the settings',
      submitAskAgain: 'Save and ask guardians again',
      made: '{{program}} is now a youth program.',
      saved: 'The settings are saved.',
      savedAskedAgain: 'The settings are saved. Guardians are being asked again.',
      currentVersion: 'Guardians agree to version {{version}} of these words and rules.',
    },
    people: {
      heading: 'Young people',
      notYet: 'Once this is a youth program, you can add young people here.',
      none: 'No young people yet. Add the first one below.',
      loadFailed: 'We could not load the young people. Check your connection, then try again.',
      ageBand: 'Age',
      guardian: 'Guardian',
      noGuardian: 'None needed (18 or over)',
      status: 'Taking part',
      newLink: 'New link',
      newLinkFor: 'New link for {{name}}',
      newLinkHeading: 'A new link for {{name}}',
      newLinkBody:
        'Give this link to {{name}}: it is their way in. Their earlier link no longer works. It is shown only this once, so copy, print or send it now.',
      askAgain: 'Ask the guardian again',
      askAgainFor: 'Ask {{name}}’s guardian again',
      askedAgain: 'We emailed {{name}}’s guardian again.',
      leave: 'Has left',
      leaveFor: 'Record that {{name}} has left the program',
      leaveTitle: 'Has {{name}} left the program?',
      leaveBody:
        '{{name}} takes no more part from now: their link stops working. What is kept about them (and their guardian’s contact) is removed when the program’s retention period ends.',
      leaveConfirm: 'Yes, record it',
      leaveCancel: 'Not now',
      left: 'Left the program on {{on}}. Their record is removed when the retention period ends.',
    },
    add: {
      heading: 'Add a young person',
      lead: 'They get their own link to sign in: no email or password needed.',
      displayName: 'Name to be called',
      displayNameHelp:
        'The name others in the program will see. It can be a first name or a nickname.',
      ageBand: 'Age band',
      ageBandHelp: 'We keep an age band, never a date of birth.',
      guardian: 'Parent or guardian',
      guardianHelp:
        'Under 18, a parent or guardian must agree first. We email them now to ask, in the language you choose.',
      guardianName: 'Guardian’s name',
      guardianNameHelp: 'As they would like to be addressed.',
      guardianEmail: 'Guardian’s email',
      guardianLanguage: 'Language of the email to the guardian',
      noGuardianNeeded: 'At 18 or over, no guardian is asked: they decide for themselves.',
      submit: 'Add the young person',
      added: '{{name}} is added.',
      linkHeading: 'The link for {{name}}',
      linkBody:
        'Give this link to {{name}}: it is their way in. It is shown only this once, so copy, print or send it now.',
      guardianAsked: 'We emailed their guardian to ask for consent.',
    },
    errors: {
      ageRange: 'Choose an age from 10 to 24.',
      maxBelowMin: 'The oldest age cannot be below the youngest.',
      lead: 'Choose the safeguarding lead.',
      leadNotStaff:
        'Choose a coordinator, facilitator or administrator of this program as the safeguarding lead.',
      days: 'Give the number of days as a whole number.',
      retentionShort: 'Keep records at least 30 days, so that a worry can still be followed up.',
      retentionLong: 'Keep records at most 3 years (1,095 days).',
      consentShort: 'A consent lasts at least 30 days.',
      consentLong: 'A consent lasts at most 2 years (730 days).',
      aboutShort: 'Tell guardians in a sentence or two what their young person will do.',
      aboutLong: 'Keep this under 2,000 characters.',
      name: 'Give a name for others to see; it does not have to be their real name.',
      nameLong: 'Keep the name under 60 characters.',
      band: 'Choose an age band.',
      bandOutside: 'This program is for ages {{min}} to {{max}}: choose an age band within it.',
      guardianRequired:
        'A young person under 18 needs a guardian’s consent: give the guardian’s name and email.',
      guardianName: 'Give the guardian’s name, as they would like to be addressed.',
      guardianNameLong: 'Keep the name under 80 characters.',
      guardianEmail: 'Give an email address such as name@example.org.',
      alreadyRequested:
        'There is nothing to ask: a request is waiting for the guardian, or their consent is current.',
    },
  },
};
