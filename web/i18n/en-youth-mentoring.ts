// The English words of mentoring pairs: for a young person, their mentor, and the coordinator
// who reads along.

export const youthMentoringEn = {
  pair: {
    title: 'Mentoring',
    heading: '{{mentor}} and {{young}}',
    readAlong:
      'Nothing here is private to the two of you: {{names}} read every message too. That keeps everyone safe.',
    readAlongWithGuardian:
      'Nothing here is private to the two of you: {{names}} read every message too, and so can {{young}}’s parent or guardian. That keeps everyone safe.',
    messages: 'Messages',
    noMessages: 'No messages yet. Say hello!',
    you: 'You',
    yourMessage: 'Your message',
    send: 'Send',
    writeFirst: 'Write a message first.',
    aloneWithMinor:
      'No one but the mentor would read these messages, so they cannot be sent. Ask the program to name a coordinator or a safeguarding lead who reads along.',
    needsConsent: 'Messages and meetings wait until a parent or guardian has given their consent.',
    notFound: 'There is no such mentoring pair, or it is not yours to read.',
    failed: 'We could not load the messages. Check your connection, then try again.',
  },
  meetings: {
    heading: 'Meetings',
    none: 'No meetings logged yet.',
    item: '{{when}}, {{place}}. Also present: {{present}}. Logged by {{by}}.',
    logHeading: 'Log a meeting',
    when: 'When you met',
    place: 'Where',
    placeHelp: 'A public place or one of the program’s rooms.',
    present: 'Who else was there',
    presentHelp: 'Their names, separated by commas.',
    log: 'Log the meeting',
    twoAdults:
      'This program asks for two adults at every meeting: name the other adult who was there.',
    bad: {
      metAt: 'Give the day and time of a meeting that has happened.',
      place: 'Say where you met, for example “Riverside library”.',
      present: 'Write each name in full, separated by commas.',
    },
  },
  mine: {
    heading: 'Your mentor',
    mentor: 'Your mentor is {{mentor}}.',
    open: 'Open your messages',
  },
  section: {
    heading: 'Mentoring pairs',
    lead: 'An officer mentor and a young person write to each other and meet. You read every message; meetings are logged with who was present.',
    none: 'No pairs yet.',
    pairName: '{{mentor}} mentors {{young}}',
    newHeading: 'Make a pair',
    mentor: 'Mentor',
    youngPerson: 'Young person',
    youngPersonHelp: 'Only young people who may take part are listed.',
    chooseOne: 'Choose…',
    pair: 'Make the pair',
    noMentors: 'This program has no verified officers yet: an agency admin verifies them.',
    needsConsent: 'This young person’s guardian has not consented yet: pair them once they have.',
    choose: {
      mentorId: 'Choose a verified officer of this program as the mentor.',
      youngPersonId: 'Choose the young person.',
    },
  },
};
