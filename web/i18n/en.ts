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
      signIn: 'Sign in',
      account: 'Your account',
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
    busy: 'Please wait…',
    password: {
      show: 'Show',
      hide: 'Hide',
      showLabel: 'Show password',
      hideLabel: 'Hide password',
      nowShown: 'Your password is shown.',
      nowHidden: 'Your password is hidden.',
    },
  },
  forms: {
    errorSummary: 'Some answers need a change',
    network:
      'We could not reach Restorativ. Check your connection, then try again. Nothing you typed was lost.',
    failed:
      'Something went wrong on our side. Nothing you typed was lost. Please try again in a moment.',
    signedOut: 'You are no longer signed in. Sign in again, then try once more.',
    forbidden: 'Your account is not allowed to do this. Ask your organisation’s administrator.',
    tooMany: 'Too many attempts in a short time. Please wait a minute, then try again.',
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
  setup: {
    title: 'Set up Restorativ',
    checking: 'Checking your setup link…',
    form: {
      heading: 'Set up Restorativ for your organisation',
      lead: 'Welcome. You are the first person here: create your organisation, and your own account as its administrator. It takes a few minutes.',
      linkNote:
        'This setup link works once. Afterwards, you will sign in with your email address and password.',
      organisationLegend: 'Your organisation',
      organisationName: 'Name of the organisation',
      organisationNameHelp: 'As people know it, for example “Riverside Police Department”.',
      kind: 'What kind of organisation is it?',
      kinds: {
        police_agency: 'Police agency',
        community_organisation: 'Community organisation',
        oversight_board: 'Oversight board',
        school: 'School',
      },
      adminLegend: 'Your account',
      adminHelp: 'You will be the organisation’s administrator.',
      name: 'Your name',
      nameHelp: 'The name other people will see.',
      email: 'Email address',
      emailHelp: 'You will sign in with it.',
      password: 'Choose a password',
      passwordHelp:
        'At least {{min}} characters. A few unrelated words are easy to remember and hard to guess.',
      submit: 'Create the organisation',
    },
    errors: {
      organisationNameShort: 'Give the organisation a name of at least {{min}} characters.',
      organisationNameLong: 'Keep the organisation’s name under {{max}} characters.',
      kind: 'Choose what kind of organisation this is.',
      nameMissing: 'Give your name.',
      nameLong: 'Keep your name under {{max}} characters.',
      email: 'Give an email address such as name@example.org.',
      emailLong: 'Keep the email address under {{max}} characters.',
      passwordShort: 'Choose a password of at least {{min}} characters.',
      passwordLong: 'Keep the password under {{max}} characters.',
    },
    done: {
      title: 'Your organisation is ready',
      heading: 'Your organisation is ready',
      body: '{{organisation}} is set up on Restorativ, and you are its administrator.',
      next: 'Sign in with {{email}} and the password you just chose.',
      signIn: 'Sign in',
    },
    choosePassword: {
      heading: 'Choose your password',
      lead: 'Restorativ has been set up for {{organisation}}. Choose the password you will use to sign in as {{email}}.',
      password: 'New password',
      submit: 'Save my password',
      doneTitle: 'Your password is saved',
      doneHeading: 'Your password is saved',
      doneBody: 'You can now sign in to {{organisation}} with {{email}} and your new password.',
    },
    invalid: {
      title: 'Setup link not valid',
      heading: 'This setup link has expired or was already used',
      body: 'A setup link works only once, and only for {{hours}} hours. You have done nothing wrong.',
      newLink:
        'To get a new link, start Restorativ again: the new link is shown where it starts, in its window or its log. If someone else installed Restorativ, ask them for one.',
      signInHint:
        'Already finished setting up? Sign in with the email address and password you chose.',
      signIn: 'Sign in',
    },
    conflict: {
      title: 'Restorativ is already set up',
      heading: 'Restorativ has just been set up',
      body: 'Someone finished setting up Restorativ a moment ago, in another window or on another device, so your form was not sent.',
      next: 'If that was you, sign in. If not, ask the person who did it to invite you.',
      signIn: 'Sign in',
    },
    unreachable: {
      heading: 'We could not check your setup link',
      retry: 'Try again',
    },
  },
  signIn: {
    title: 'Sign in',
    heading: 'Sign in',
    lead: 'For the staff of organisations that use Restorativ.',
    residentNote:
      'Invited to a circle or a dialogue? You do not need to sign in: open the link you were sent.',
    email: 'Email address',
    password: 'Password',
    forgot: 'Forgotten your password? Ask your organisation’s administrator for help.',
    submit: 'Sign in',
    errors: {
      emailMissing: 'Enter your email address.',
      passwordMissing: 'Enter your password.',
      mismatch: 'That email and password do not match. Check them and try again.',
      tooMany: 'Too many attempts in a short time. Please wait a minute, then try again.',
    },
    second: {
      heading: 'One more step',
      leadApp:
        'Open the authenticator app on your phone and enter the 6-digit code it shows for Restorativ.',
      leadBackup:
        'Enter one of the backup codes you saved when you set up your second factor. Each code works once.',
      code: '6-digit code',
      codeHelp: 'The code changes every 30 seconds. Enter the one shown now.',
      backupCode: 'Backup code',
      backupHelp: 'For example 1a2b3-c4d5e.',
      submit: 'Sign in',
      useBackup: 'Use a backup code instead',
      useApp: 'Use a code from my app instead',
      noAccess:
        'No phone and no backup codes? Ask your organisation’s administrator to help you set up a new second factor.',
      backupMissing: 'Enter one of your backup codes.',
      backupWrong:
        'That backup code did not work. It may have been used already. Check it, or try another one.',
      locked:
        'Too many codes that did not work. For your safety, wait ten minutes, then sign in again.',
      expired:
        'The sign-in took too long, so it was stopped for your safety. Please enter your password again.',
    },
  },
  secondFactor: {
    title: 'Second factor',
    stepOf: 'Step {{step}} of {{total}}',
    heading: 'Set up your second factor',
    lead: 'Staff accounts are protected by a second step when signing in: after your password, a 6-digit code from an app on your phone. Someone who learns your password still cannot get in.',
    needApp:
      'You need an authenticator app on your phone. Most phones have one, or you can install a free one, such as Google Authenticator, Microsoft Authenticator or Aegis.',
    password: 'Your password',
    passwordHelp: 'We ask for it again before changing how you sign in.',
    continue: 'Continue',
    scan: {
      heading: 'Add Restorativ to your app',
      lead: 'In your authenticator app, choose to add an account, then scan this code with your phone’s camera.',
      qrLabel: 'QR code to add Restorativ to your authenticator app',
      manual: 'Cannot scan it? Choose to enter a key instead, and type this key:',
      code: 'The 6-digit code your app now shows',
      codeHelp: 'This checks that the app is set up correctly.',
      submit: 'Turn on the second factor',
    },
    codes: {
      heading: 'Save your backup codes',
      newHeading: 'Your new backup codes',
      lead: 'If you lose your phone, each of these codes lets you sign in once instead of a code from the app.',
      once: 'They are shown only now. Keep them somewhere safe: in a password manager, or printed and put away.',
      replaced: 'Your earlier backup codes no longer work.',
      listLabel: 'Backup codes',
      fileHeading: 'Restorativ backup codes. Each code signs you in once.',
      copy: 'Copy the codes',
      copied: 'The backup codes are copied.',
      copyFailed: 'They could not be copied. Select them and copy them by hand, or download them.',
      download: 'Download as a file',
      saved: 'I have saved my backup codes somewhere safe',
      notSaved: 'Save your backup codes first, then tick this box.',
      done: 'Finish',
      backToAccount: 'Back to your account',
    },
    enabledToast: 'Your second factor is on.',
    on: {
      heading: 'Your second factor is on',
      lead: 'When you sign in, you give a code from your authenticator app after your password.',
      newCodesHeading: 'New backup codes',
      newCodesBody:
        'Used most of your backup codes, or lost them? Make a new set. The old codes stop working.',
      newCodesSubmit: 'Make new backup codes',
    },
    errors: {
      wrongPassword: 'That password is not right. Check it and try again.',
      codeShape: 'Enter the 6 digits your app shows.',
      codeWrong:
        'That code did not work. Codes change every 30 seconds: enter the one your app shows now.',
    },
  },
  profile: {
    title: 'Your account',
    heading: 'Your account',
    loading: 'Loading your account…',
    loadFailed: 'We could not load your account.',
    retry: 'Try again',
    signedInAs: 'You are signed in as {{name}}.',
    emailLine: 'Email address: {{email}}',
    rolesHeading: 'Your roles',
    noRoles: 'You have no roles yet. An administrator of your organisation can give you one.',
    signOut: 'Sign out',
    signedOut: 'You have signed out.',
    signOutFailed: 'We could not sign you out. Check your connection, then try again.',
    details: {
      heading: 'Your name and language',
      name: 'Your name',
      nameHelp: 'The name other people see.',
      nameMissing: 'Give the name others see.',
      nameLong: 'Keep the name under {{max}} characters.',
      language: 'Language',
      languageHelp: 'For these pages and for the emails you get.',
      submit: 'Save name and language',
      saved: 'Your name and language are saved.',
    },
    email: {
      heading: 'Email address',
      current: 'You sign in with {{email}}.',
      new: 'New email address',
      passwordHelp: 'We ask for it again before changing how you sign in.',
      submit: 'Change email address',
      changed: 'Done. You now sign in with {{email}}.',
      confirmSent: 'We sent a message to {{email}}. Open the link in it to finish the change.',
      taken: 'Another account already uses that email address.',
    },
    sessions: {
      heading: 'Where you are signed in',
      lead: 'If you see a device you do not know, sign it out, then change your password.',
      leadNoPassword: 'If you see a device you do not know, sign it out.',
      thisDevice: 'This device',
      unknownDevice: 'Unknown device',
      signedIn: 'Signed in {{when}}',
      lastActive: 'Last active {{when}}',
      end: 'Sign out',
      endLabel: 'Sign out {{device}}',
      ended: 'That device is signed out.',
      loadFailed: 'We could not load the list of devices.',
    },
    organisations: {
      heading: 'Your organisation',
      manage: 'Manage {{organisation}}',
    },
    secondFactor: {
      heading: 'Second factor',
      requiredHeading: 'One more step to protect your account',
      requiredBody:
        'Staff accounts need a second factor: a code from an app on your phone when you sign in. Until it is set up, you cannot use the rest of Restorativ. It takes about two minutes.',
      requiredLink: 'Set up your second factor',
      enabled: 'On: you give a code from your authenticator app when you sign in.',
      manageLink: 'Make new backup codes',
    },
  },
  preferences: {
    heading: 'Email preferences',
    frequency: 'How often should we email you?',
    always:
      'Invitations and sign-in links always arrive at once, because you asked for them or expect them.',
    frequencies: {
      immediately: {
        label: 'As things happen',
        description: 'Reminders and updates arrive one by one.',
      },
      daily: {
        label: 'Once a day',
        description: 'One email a day that gathers everything new.',
      },
      never: {
        label: 'Never',
        description: 'No reminders or updates by email.',
      },
    },
    save: 'Save my choice',
    saved: {
      immediately: 'Saved. We will email you as things happen.',
      daily: 'Saved. We will send you at most one email a day.',
      never: 'Saved. We will not send you reminders or updates.',
    },
    page: {
      title: 'Email preferences',
      heading: 'Your email preferences',
      lead: 'Choose which emails {{email}} gets from Restorativ. You do not need to sign in.',
      loading: 'Loading your preferences…',
      loadFailed: 'We could not load your preferences. Check your connection, then try again.',
    },
    invalid: {
      title: 'Link not valid',
      heading: 'This link does not work any more',
      body: 'The link may be incomplete or out of date. You have done nothing wrong.',
      next: 'Every email from Restorativ has a fresh link at its end: use the one in the latest email you received.',
    },
  },
  join: {
    title: 'Your invitation',
    heading: 'You are invited',
    loading: 'Opening your invitation…',
    loadFailed: 'We could not open your invitation. Check your connection, then try again.',
    invitedBy: '{{inviter}} invites you to join {{where}}.',
    where: {
      program: '{{program}}, run by {{organisation}}',
    },
    facts: {
      organisation: 'Organisation',
      program: 'Program',
      role: 'You take part as',
      email: 'Invitation sent to',
    },
    form: {
      heading: 'Join',
      staffHeading: 'Create your account',
      name: 'The name others will see',
      nameHelp:
        'It does not have to be your real name. A first name, a nickname or initials are fine.',
      staffName: 'Your name',
      staffNameHelp: 'Your full name, as colleagues and participants know you.',
      language: 'Your language',
      secondFactorNote:
        'Next, you will protect your account with a code from an app on your phone. It takes about two minutes.',
      submit: 'Join',
      staffSubmit: 'Create my account',
    },
    promises: {
      voluntary: 'Taking part is your choice. You can stop at any time.',
      name: 'Only the name you choose and your language are stored.',
      leave: 'You can step out of a conversation quietly whenever you need to.',
    },
    signInFirst: {
      heading: 'Sign in to accept',
      body: 'You already have an account with {{email}}. Sign in, and you will come back here to accept.',
      link: 'Sign in to accept',
    },
    accept: {
      heading: 'Accept the invitation',
      body: 'You are signed in. Accept to add this role to your account.',
      submit: 'Accept the invitation',
      done: 'The invitation is accepted.',
    },
    welcome: 'Welcome, {{name}}.',
    errors: {
      nameMissing: 'Choose a name for others to see. It does not have to be your real name.',
      nameMissingStaff: 'Give your name.',
      nameLong: 'Keep the name under {{max}} characters.',
      language: 'Choose English or Spanish.',
    },
    closed: {
      noFault: 'You have done nothing wrong.',
      invalid: {
        heading: 'This invitation link does not work',
        body: 'The link may be incomplete: check that you opened all of it. If it still does not work, ask the person who invited you to send it again.',
      },
      expired: {
        heading: 'This invitation has expired',
        body: 'Invitations stay open for a limited time. Ask the person who invited you for a new one.',
      },
      used: {
        heading: 'This invitation has already been used',
        body: 'If you used it yourself, you have already joined. Otherwise, ask the person who invited you for a new one.',
      },
      revoked: {
        heading: 'This invitation was withdrawn',
        body: 'The person who sent it has withdrawn it. If you think this is a mistake, ask them about it.',
      },
    },
  },
  roles: {
    org_admin: 'Organisation admin',
    coordinator: 'Coordinator',
    facilitator: 'Facilitator',
    officer: 'Officer',
    oversight_reviewer: 'Oversight reviewer',
    resident: 'Resident',
    youth: 'Young person',
    guardian: 'Parent or guardian',
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
