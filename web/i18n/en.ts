// English catalogue. It is the reference shape: every other catalogue must have the same keys
// (see `Catalogue` below), so a missing translation is a type error, not a blank on screen.
export const en = {
  app: {
    name: 'Restorativ',
    loading: 'Loading…',
  },
  layout: {
    skipLink: 'Skip to main content',
    homeLinkLabel: 'Restorativ, home page',
    navLabel: 'Main',
    nav: {
      home: 'Home',
      privacy: 'Privacy',
    },
    footer: {
      about:
        'Restorativ is open-source software for restorative justice between police and the communities they serve.',
      privacy: 'Privacy',
    },
  },
  language: {
    label: 'Language',
    changed: 'This page is now in English.',
  },
  ui: {
    close: 'Close',
    notifications: 'Notifications',
    dismiss: 'Dismiss',
  },
  home: {
    title: 'Home',
    heading: 'A safe place to talk, listen and repair harm',
    lead: 'Restorativ brings residents and police officers together, with a trained facilitator, to talk about harm that happened and agree on how to make things right.',
    residents: {
      heading: 'If you have been invited',
      intro: 'You may have been sent a link to a circle or a dialogue. Here is what that means.',
      circleHeading: 'What is a restorative circle?',
      circleBody:
        'A small group meets, in person or online, with a trained facilitator who keeps the circle. A talking piece is passed around: only the person holding it speaks, so everyone is heard without being interrupted. You can always pass.',
      dialogueHeading: 'What is a dialogue?',
      dialogueBody:
        'A dialogue is an online conversation about one topic, such as traffic stops in your neighbourhood. You can share a concern, read answers from officers and say whether you agree with short statements. The facilitator then brings together what residents and officers agree on.',
      promisesHeading: 'What you can count on',
      promises: {
        voluntary: 'Taking part is your choice. You can say no.',
        phone: 'You join from your phone with the link you were sent. No account, no password.',
        language: 'You can use the language you prefer.',
        name: 'You choose the name others see. It does not have to be your real name.',
        stepOut: 'You can step out quietly at any time.',
        recording: 'Nothing is recorded unless everyone taking part agrees.',
      },
    },
    organisations: {
      heading: 'For agencies and community organisations',
      intro:
        'A police agency and its community partners can run their restorative work in one place, and see whether trust is being rebuilt.',
      circles: {
        title: 'Circles',
        body: 'Facilitated talking circles, as a single meeting or a series.',
      },
      conferences: {
        title: 'Conferences',
        body: 'A careful process after one incident of harm, from referral and preparation to an agreement and its follow-up.',
      },
      dialogues: {
        title: 'Dialogues',
        body: 'Moderated online conversations that find common ground between residents and officers.',
      },
      training: {
        title: 'Training',
        body: 'Courses for officers on de-escalation, active listening and procedural justice.',
      },
      trust: {
        title: 'Trust measurement',
        body: 'Short surveys and trends over time. Results are never shown for very small groups.',
      },
      register: {
        title: 'Public accountability register',
        body: 'Every commitment, with who owns it, when it is due and where it stands, for anyone to follow.',
      },
      hosting:
        'Restorativ is open source. Your organisation runs it on its own server, so the information stays with you.',
    },
    privacyLink: 'How your information is handled',
  },
  privacy: {
    title: 'Privacy',
    heading: 'Your privacy',
    lead: 'In plain words: what is stored about you, who can see it and for how long.',
    stored: {
      heading: 'What is stored about you',
      body: 'If you take part as a resident, you do not need an account. Only the name you choose to be shown and your preferred language are stored. The name does not have to be your real name.',
    },
    confidential: {
      heading: 'Confidential statements and notes',
      body: 'Statements and notes in a case are confidential. They are encrypted when stored, and only the people on the case team can see them.',
    },
    recording: {
      heading: 'Recordings',
      body: 'Nothing is recorded unless every participant agrees. If everyone agrees to keep a transcript, it is deleted after a time limit set by the program.',
    },
    surveys: {
      heading: 'Surveys',
      body: 'Survey answers are only shown combined with other people’s answers, and never for a group smaller than a set minimum size, so that no one can be singled out.',
    },
    audit: {
      heading: 'A record of who looked at what',
      body: 'Every time someone reads or changes confidential material, it is written to an audit trail. Entries are only ever added, never edited, and are kept for at least 365 days.',
    },
    public: {
      heading: 'What is public',
      body: 'Commitments on the public accountability register are public by design, so that anyone can follow whether promises are kept.',
    },
    location: {
      heading: 'Where your information is kept',
      body: 'Your information is kept on the server of the organisation that runs the program. There are no third-party trackers and no ads.',
    },
    rights: {
      heading: 'Asking for your information or its deletion',
      body: 'To get a copy of your information, or to ask for it to be deleted, contact the coordinator of the program you are taking part in.',
    },
  },
  notFound: {
    title: 'Page not found',
    heading: 'We can’t find that page',
    body: 'The link may be out of date or mistyped. You have done nothing wrong.',
    homeLink: 'Go to the home page',
  },
  error: {
    title: 'Something went wrong',
    heading: 'Something went wrong on our side',
    body: 'Nothing you entered was lost. If your connection dropped, try again once you are back online.',
    retry: 'Try again',
    homeLink: 'Go to the home page',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language's catalogue must have. */
export type Catalogue = Strings<typeof en>;
