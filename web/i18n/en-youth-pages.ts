// The English words of the pages a guardian and a young person read: plain and warm, for a
// parent deciding on a phone and a young person who may not trust police yet.

export const youthPagesEn = {
  guardian: {
    title: 'Your consent',
    heading: 'Your consent for {{young}}',
    lead: 'Hello {{guardian}}. {{organisation}} invites {{young}} to “{{program}}”. Because {{young}} is under 18, they take part only with your consent. Here is everything you need to decide.',
    about: { heading: 'What the program is' },
    safe: {
      heading: 'How young people are kept safe',
      twoAdults: 'At least two adults of the program are present at every meeting.',
      openPlaces: 'Meetings happen only in public places or the program’s own rooms.',
      messages:
        'No adult can message your young person privately: the program’s coordinator sees every message between a mentor and a young person.',
      messagesWithYou:
        'No adult can message your young person privately: the program’s coordinator sees every message between a mentor and a young person, and so can you.',
      lead: 'Any worry about a young person’s safety goes to {{lead}}, who looks after safety in this program.',
    },
    kept: {
      heading: 'What we keep, and for how long',
      name: 'The name {{young}} chose to be seen by.',
      band: 'Their age group: {{band}} years.',
      guardian: 'Your name and email, so that we can ask you and keep you informed.',
      nothingElse:
        'Nothing else: no address, school, birth date, phone number or photo. What young people say in circles is not shared outside them.',
      removed_one: 'We remove all of it {{count}} day after {{young}} leaves the program.',
      removed_other: 'We remove all of it {{count}} days after {{young}} leaves the program.',
    },
    decide: {
      heading: 'Your answer',
      lasts_one:
        'Your consent lasts {{count}} day; we will ask you again then. You can withdraw it at any time from this page, and {{young}} stops taking part at once.',
      lasts_other:
        'Your consent lasts {{count}} days; we will ask you again then. You can withdraw it at any time from this page, and {{young}} stops taking part at once.',
      iAmGuardian: 'I am the parent or legal guardian of {{young}}.',
      confirmFirst: 'Please confirm that you are the parent or legal guardian of {{young}}.',
      give: 'I consent',
      decline: 'I do not consent',
    },
    status: {
      given:
        'Thank you. You consented on {{on}}. It lasts until {{until}}, and {{young}} can take part.',
      lapsed:
        'Your consent no longer counts: it ran out, or the program changed what it does. You will receive a new request by email.',
      declined:
        'You declined on {{on}}. {{young}} does not take part. If you change your mind, ask the program’s coordinator to send you a new request.',
      withdrawn:
        'You withdrew your consent on {{on}}. {{young}} takes no part from now on. If you change your mind, ask the program’s coordinator to send you a new request.',
    },
    readAlong: {
      heading: '{{young}} and their mentor, {{mentor}}',
      lead: 'The program lets you read what {{young}} and their mentor write to each other, as its coordinators do.',
      meetings: 'Their meetings',
    },
    withdraw: {
      heading: 'Withdraw your consent',
      lead: 'You can withdraw at any time, without giving a reason. {{young}} then stops taking part at once.',
      button: 'Withdraw my consent',
      confirmTitle: 'Withdraw your consent?',
      confirmBody:
        '{{young}} will stop taking part at once: no circles, meetings or messages. You can ask the program for a new request later.',
      confirm: 'Yes, withdraw',
      cancel: 'Keep my consent',
    },
    refused: {
      already_answered:
        'This request was already answered. The page below shows the answer that stands.',
      not_given: 'There is no consent to withdraw: it was already withdrawn.',
      link_replaced:
        'A newer request replaced this one. Please open the latest email about this program.',
      failed: 'Your answer did not reach us. Check your connection, then try again.',
    },
    link: {
      unknown: {
        heading: 'This link does not work',
        body: 'It may be incomplete: open it again from the email. If it still does not work, the young person may have left the program, or the program may have sent you a newer email.',
      },
      replaced: {
        heading: 'A newer request replaced this one',
        body: 'The program sent you a newer email about the same young person. Please open the link in that email.',
      },
      failed: {
        heading: 'We could not open your consent page',
        body: 'Check your connection and try again in a moment.',
      },
    },
  },
  join: {
    title: 'Your youth program',
    heading: 'Welcome',
    lead: 'This is your own way into your youth program. Keep the link to yourself: it opens your page.',
    button: 'Open my page',
    failed: 'We could not open your page. Check your connection, then try again.',
    closed: {
      heading: 'This link does not work any more',
      body: 'Ask the person who runs your program for a new one: they can make it for you straight away.',
    },
  },
  mine: {
    title: 'My youth program',
    heading: 'My youth program',
    none: 'You are not in a youth program yet.',
    ready: 'You’re all set: you can join the circles and activities of this program.',
    waiting:
      'We are waiting for your parent or guardian to say yes. Once they do, you can join the circles and activities.',
    notGiven:
      'Your parent or guardian has not given their consent, so you cannot take part for now. If you think this is a mistake, talk to {{lead}}.',
    worry: {
      heading: 'Worried about something?',
      body: 'You can talk to {{lead}}, who looks after everyone’s safety in this program.',
      noSecrets:
        'No adult in this program should ask you to keep a secret or to talk in private. If one does, tell {{lead}} or an adult you trust.',
    },
    help: {
      heading: 'Help right now',
      danger: 'If you are in danger right now, call your emergency number.',
      talk: 'You can also talk to a parent, a teacher or another adult you trust.',
    },
    refused: 'This page is for young people of a youth program.',
    failed: 'We could not load your page. Check your connection, then try again.',
  },
};
