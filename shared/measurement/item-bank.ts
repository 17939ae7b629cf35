// The survey items, written by this project in its own words (none is copied from a published
// instrument) on the public constructs of procedural justice and trust. Each item says one thing,
// in plain words, without telling the person what answer is wanted; a few are worded the other way
// round (reverse-scored) so that agreeing with everything does not read as high trust.
//
// Items are written for one or more survey kinds, and the wording says whom it is about:
// - after_process: after a circle or a conference, about that meeting and the people in it. These
//   ask officers and residents the same thing, so that anyone in the room can answer them.
// - pulse: a community pulse, about the police in the person's neighbourhood in general.
// - training: officers before and after a training, about their own practice and views.
// "This meeting" / "esta reunión" names a circle and a conference alike, in the plainest words.
//
// Spanish is addressed as "usted" and avoids gendered adjectives about the reader ("seguro o
// segura") by wording around them, as everything Restorativ says in Spanish.

export const constructs = [
  'respect',
  'voice',
  'neutrality',
  'motives',
  'heard',
  'safety',
  'reporting',
] as const;
export type Construct = (typeof constructs)[number];

export const surveyKinds = ['after_process', 'pulse', 'training'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

export const scaleKinds = ['agreement', 'frequency', 'confidence'] as const;
export type ScaleKind = (typeof scaleKinds)[number];

export interface ScalePoint {
  /** 1 is the lowest point (strongly disagree, never, not at all confident), 5 the highest. */
  value: 1 | 2 | 3 | 4 | 5;
  en: string;
  es: string;
}

/** Every point of every scale is labelled, so no one has to guess what a "4" means. */
export const scales: Readonly<Record<ScaleKind, readonly ScalePoint[]>> = {
  agreement: [
    { value: 1, en: 'Strongly disagree', es: 'Muy en desacuerdo' },
    { value: 2, en: 'Disagree', es: 'En desacuerdo' },
    { value: 3, en: 'Neither agree nor disagree', es: 'Ni de acuerdo ni en desacuerdo' },
    { value: 4, en: 'Agree', es: 'De acuerdo' },
    { value: 5, en: 'Strongly agree', es: 'Muy de acuerdo' },
  ],
  frequency: [
    { value: 1, en: 'Never', es: 'Nunca' },
    { value: 2, en: 'Rarely', es: 'Pocas veces' },
    { value: 3, en: 'Sometimes', es: 'A veces' },
    { value: 4, en: 'Often', es: 'Muchas veces' },
    { value: 5, en: 'Always', es: 'Siempre' },
  ],
  confidence: [
    { value: 1, en: 'Not at all confident', es: 'Nada de confianza' },
    { value: 2, en: 'A little confident', es: 'Poca confianza' },
    { value: 3, en: 'Somewhat confident', es: 'Algo de confianza' },
    { value: 4, en: 'Very confident', es: 'Mucha confianza' },
    { value: 5, en: 'Completely confident', es: 'Total confianza' },
  ],
};

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export interface Item {
  /** Stable for ever: answers are stored against it. Change the words, never the id's meaning. */
  id: string;
  construct: Construct;
  scale: ScaleKind;
  /** Agreeing means less of the construct; its answer is flipped (6 - answer) when scored. */
  reverse: boolean;
  fits: readonly SurveyKind[];
  en: string;
  es: string;
}

export const itemBank: readonly Item[] = [
  // Respect: people are treated with dignity.
  {
    id: 'respect.dignity',
    construct: 'respect',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood treat people with dignity.',
    es: 'La policía de mi barrio trata a las personas con dignidad.',
  },
  {
    id: 'respect.courtesy',
    construct: 'respect',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood are polite when they talk to people.',
    es: 'La policía de mi barrio es amable cuando habla con la gente.',
  },
  {
    id: 'respect.in_meeting',
    construct: 'respect',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'In this meeting, the other people treated me with respect.',
    es: 'En esta reunión, las demás personas me trataron con respeto.',
  },
  {
    id: 'respect.stays_polite',
    construct: 'respect',
    scale: 'frequency',
    reverse: false,
    fits: ['training'],
    en: 'How often are you able to stay polite when someone is rude to you?',
    es: '¿Con qué frecuencia logra mantener la cortesía cuando alguien es grosero con usted?',
  },

  // Voice: people are listened to and can explain their side.
  {
    id: 'voice.listens',
    construct: 'voice',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood listen to what people have to say.',
    es: 'La policía de mi barrio escucha lo que la gente tiene que decir.',
  },
  {
    id: 'voice.own_side',
    construct: 'voice',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood let people tell their side of the story.',
    es: 'La policía de mi barrio deja que las personas cuenten su versión de los hechos.',
  },
  {
    id: 'voice.in_meeting',
    construct: 'voice',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'In this meeting, I had the chance to say what mattered to me.',
    es: 'En esta reunión, tuve la oportunidad de decir lo que era importante para mí.',
  },
  {
    id: 'voice.values_residents',
    construct: 'voice',
    scale: 'agreement',
    reverse: false,
    fits: ['training'],
    en: 'Letting residents explain their side helps me make better decisions.',
    es: 'Dejar que las personas del barrio expliquen su versión me ayuda a tomar mejores decisiones.',
  },

  // Neutrality: decisions are fair and unbiased, and their reasons are explained.
  {
    id: 'neutrality.fair_decisions',
    construct: 'neutrality',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood make fair decisions.',
    es: 'La policía de mi barrio toma decisiones justas.',
  },
  {
    id: 'neutrality.explains_reasons',
    construct: 'neutrality',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood explain the reasons for what they do.',
    es: 'La policía de mi barrio explica las razones de lo que hace.',
  },
  {
    id: 'neutrality.in_meeting',
    construct: 'neutrality',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'In this meeting, the person leading it treated everyone equally.',
    es: 'En esta reunión, la persona que la dirigía trató a todos por igual.',
  },
  {
    id: 'neutrality.gives_reasons',
    construct: 'neutrality',
    scale: 'frequency',
    reverse: false,
    fits: ['training'],
    en: 'When you stop someone, how often do you explain the reason to them?',
    es: 'Cuando usted detiene a una persona, ¿con qué frecuencia le explica el motivo?',
  },

  // Trustworthy motives: acting in good faith, caring about the community's wellbeing.
  {
    id: 'motives.cares',
    construct: 'motives',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood care about the wellbeing of the people who live here.',
    es: 'A la policía de mi barrio le importa el bienestar de las personas que viven aquí.',
  },
  {
    id: 'motives.good_faith',
    construct: 'motives',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'The police in my neighbourhood try to do what is right for the community.',
    es: 'La policía de mi barrio intenta hacer lo correcto para la comunidad.',
  },
  {
    id: 'motives.in_meeting',
    construct: 'motives',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'In this meeting, the other people seemed to want to make things better.',
    es: 'En esta reunión, las demás personas parecían querer mejorar las cosas.',
  },
  {
    id: 'motives.trust_is_my_job',
    construct: 'motives',
    scale: 'agreement',
    reverse: false,
    fits: ['training'],
    en: 'Earning the trust of residents is part of my job.',
    es: 'Ganarme la confianza de las personas del barrio es parte de mi trabajo.',
  },

  // Felt heard: in this meeting, I was heard. Asked only after a process.
  {
    id: 'heard.listened',
    construct: 'heard',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'In this meeting, I felt listened to.',
    es: 'En esta reunión, sentí que me escucharon.',
  },
  {
    id: 'heard.understood',
    construct: 'heard',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'The other people in this meeting understood what I was trying to say.',
    es: 'Las demás personas de esta reunión entendieron lo que yo quería decir.',
  },
  {
    id: 'heard.taken_seriously',
    construct: 'heard',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'What I said in this meeting was taken seriously.',
    es: 'Lo que dije en esta reunión se tomó en serio.',
  },
  {
    id: 'heard.interrupted',
    construct: 'heard',
    scale: 'agreement',
    reverse: true,
    fits: ['after_process'],
    en: 'In this meeting, people interrupted me when I was speaking.',
    es: 'En esta reunión, me interrumpieron cuando estaba hablando.',
  },

  // Safety: in the neighbourhood, and in the process itself. For officers: keeping a tense
  // contact safe for everyone by talking it down (de-escalation).
  {
    id: 'safety.night',
    construct: 'safety',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'I feel safe walking in my neighbourhood at night.',
    es: 'Caminar de noche por mi barrio me parece seguro.',
  },
  {
    id: 'safety.crime_worry',
    construct: 'safety',
    scale: 'agreement',
    reverse: true,
    fits: ['pulse'],
    en: 'I worry about crime where I live.',
    es: 'Me preocupa la delincuencia en el lugar donde vivo.',
  },
  {
    id: 'safety.in_meeting',
    construct: 'safety',
    scale: 'agreement',
    reverse: false,
    fits: ['after_process'],
    en: 'I felt safe taking part in this meeting.',
    es: 'Sentí que podía participar en esta reunión sin peligro.',
  },
  {
    id: 'safety.de_escalation',
    construct: 'safety',
    scale: 'confidence',
    reverse: false,
    fits: ['training'],
    en: 'How confident are you that you can calm a tense situation by talking?',
    es: '¿Cuánta confianza tiene en que puede calmar una situación tensa hablando?',
  },

  // Willingness to report: to call the police, report a crime, cooperate.
  {
    id: 'reporting.report_crime',
    construct: 'reporting',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'If I saw a crime, I would report it to the police.',
    es: 'Si yo viera un delito, le avisaría a la policía.',
  },
  {
    id: 'reporting.call_for_help',
    construct: 'reporting',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'If I needed help, I would call the police.',
    es: 'Si necesitara ayuda, llamaría a la policía.',
  },
  {
    id: 'reporting.give_information',
    construct: 'reporting',
    scale: 'agreement',
    reverse: false,
    fits: ['pulse'],
    en: 'I would give the police information to help them solve a crime.',
    es: 'Le daría información a la policía para ayudar a resolver un delito.',
  },
  {
    id: 'reporting.think_twice',
    construct: 'reporting',
    scale: 'agreement',
    reverse: true,
    fits: ['pulse'],
    en: 'I would think twice before calling the police.',
    es: 'Lo pensaría dos veces antes de llamar a la policía.',
  },
];

const byId = new Map(itemBank.map((item) => [item.id, item]));

export function findItem(id: string): Item | undefined {
  return byId.get(id);
}

export function itemsFor(kind: SurveyKind): readonly Item[] {
  return itemBank.filter((item) => item.fits.includes(kind));
}
