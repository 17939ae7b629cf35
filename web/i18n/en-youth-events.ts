// The English words of youth program events: the coordinator's list and form, the attendance
// page facilitators fill in at the door, and the upcoming events on a young person's page.

export const youthEventsEn = {
  section: {
    heading: 'Events',
    lead: 'Games, visits and workshops of the program. Plan one here; whoever runs it records who came.',
    none: 'No events yet.',
    item: '{{when}}, {{place}}',
    came_one: '{{count}} came',
    came_other: '{{count}} came',
    planHeading: 'Plan an event',
    title: 'Title',
    titleHelp: 'For example “Basketball at the rec centre”.',
    startsAt: 'Starts',
    place: 'Where',
    placeHelp: 'A public place or one of the program’s rooms.',
    plan: 'Plan the event',
    planned: '“{{title}}” is planned. Young people who may take part see it on their page.',
    bad: {
      title: 'Give the event a title of at least 2 characters.',
      titleLong: 'Keep the title under 120 characters.',
      startsAt: 'Give the day and time the event starts.',
      place: 'Say where the event is, for example “Riverside library”.',
      placeLong: 'Keep the place under 200 characters.',
    },
  },
  event: {
    title: 'Event',
    when: '{{when}}, {{place}}',
    back: 'Back to young people in {{program}}',
    attendanceHeading: 'Who came',
    attendanceLead: 'Tick everyone who came. Anyone left unticked is recorded as not there.',
    marks: {
      present: 'came',
      absent: 'did not come',
      not_recorded: 'not recorded yet',
    },
    person: '{{name}} ({{mark}})',
    save: 'Save who came',
    saved: 'Saved: {{count}} came.',
    nobody: 'No young person of this program may take part yet.',
    notYetHeading: 'Cannot take part yet',
    notYetLead: 'These young people cannot be recorded until their guardian’s consent is current:',
    notYet: {
      none: '{{name}}: no guardian has been asked for consent yet.',
      requested: '{{name}}: waiting for their guardian’s answer.',
      declined: '{{name}}: their guardian declined.',
      withdrawn: '{{name}}: their guardian withdrew their consent.',
      lapsed: '{{name}}: their guardian’s consent has run out; ask again from the program’s page.',
    },
    needsConsent:
      'Someone on the list may no longer take part, so nothing was saved. The list is now up to date: check it and save again.',
    notFound: 'There is no such event, or it is not yours to read.',
    failed: 'We could not load the event. Check your connection, then try again.',
  },
  mine: {
    heading: 'Upcoming events',
    none: 'Nothing planned yet. Events will show up here.',
    item: '{{when}}, {{place}}',
  },
};
