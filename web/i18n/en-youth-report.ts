import type { ConsentTally } from '../../shared/youth/report.ts';

// The English words of a youth program's report: a part of en.ts, kept in its own file. Counts
// only, and a hidden figure always says why, in words, never as a blank.

const consent = {
  current: 'Consent current: can take part',
  waiting: 'Waiting for the guardian’s answer',
  declined: 'The guardian declined',
  withdrawn: 'Consent withdrawn',
  lapsed: 'Consent ran out or was for earlier words',
} satisfies Record<ConsentTally, string>;

export const youthReportEn = {
  title: 'Youth program report',
  heading: 'Report: {{program}}',
  link: 'Report, in counts only',
  lead: 'Counts only: no names, and nothing anyone wrote. A figure for fewer than {{threshold}} is not shown, nor one from which a smaller group could be worked out.',
  loadFailed: 'We could not load the report. Check your connection, then try again.',
  notAllowed: 'This program’s report is not shared with your account.',
  hidden: {
    belowThreshold: 'Fewer than {{threshold}}',
    derivable: 'Hidden, so that a smaller group cannot be worked out',
  },
  column: { what: 'What', count: 'Count', youngPeople: 'Young people' },
  ages: {
    caption: 'Young people by age',
    band: 'Age',
    total: 'All young people',
  },
  consent: {
    caption: 'Guardians’ consent, for young people under 18',
    status: 'Consent',
    statuses: consent,
    total: 'All under 18',
  },
  mentoring: {
    caption: 'Mentoring',
    activePairs: 'Pairs meeting now',
    meetings: 'Meetings logged in the last 90 days',
    twoAdults: 'Of those, meetings with two adults present',
  },
  events: {
    caption: 'Events',
    held: 'Events held',
    attendance: 'Attendance: young people present, at each event',
  },
  concerns: {
    caption: 'Safeguarding concerns',
    raised: 'Concerns raised',
    closed: 'Concerns closed',
    note: 'What a concern says, and who raised it, stay with the safeguarding lead.',
  },
};
