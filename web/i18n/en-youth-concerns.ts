// The English words of safeguarding concerns: plain, warm and short where a young person raises
// one; clear and exact on the safeguarding lead's page, where the record is kept.

export const youthConcernsEn = {
  raise: {
    label: 'What happened, or what worries you?',
    help: 'Only {{lead}} will read it. Write it in your own words.',
    send: 'Send',
    sent: 'Sent to {{lead}}. Only they will read it.',
    sentNext: 'Thank you for telling. If you are in danger right now, call your emergency number.',
    another: 'Tell {{lead}} something else',
    errors: {
      short: 'Write a little more, at least 10 letters, so that {{lead}} understands.',
      long: 'That is too long: keep it under 4,000 characters.',
      failed: 'Your message did not send. Nothing you wrote is lost: try again.',
      network: 'Your message did not send: check your connection. Nothing you wrote is lost.',
    },
  },
  page: {
    title: 'Safeguarding concerns',
    heading: 'Safeguarding concerns: {{program}}',
    lead: 'Only you, as the program’s safeguarding lead, can read these. Record each step you take, and close a concern when nothing more is to be done.',
    none: 'No concerns have been raised in this program.',
    concernHeading: 'Concern raised {{at}}',
    raisedBy: 'Raised by {{name}}',
    raisedByRemoved: 'Raised by someone whose record has since been removed',
    status: { open: 'Open', closed: 'Closed' },
    record: 'What was done',
    nothingYet: 'Nothing recorded yet.',
    actionBy: '{{name}}, {{at}}',
    closedIt: 'Closed the concern.',
    add: {
      note: 'What did you do?',
      noteHelp: 'Who you spoke to, what you decided, who you referred it to.',
      close: 'Close the concern: nothing more is to be done',
      reopens: 'This concern is closed. A note that does not close it opens it again.',
      save: 'Add to the record',
      saved: 'Added to the record.',
      errors: {
        note: 'Write what you did.',
        noteLong: 'Keep the note under 4,000 characters.',
      },
    },
    notLead: {
      heading: 'Concerns go only to the safeguarding lead',
      body: 'To keep safe the people who raise them, only the program’s safeguarding lead can read its concerns and record what was done.',
    },
    failed: 'We could not load the concerns. Check your connection, then try again.',
  },
};
