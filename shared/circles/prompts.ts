import type { Stage } from './machine.ts';

// The questions a keeper may pose in a circle between officers and residents, written by this
// project for that work, in English and Spanish. They ask about experience and needs, not about
// guilt; they give officers and residents the same question, so that no one is singled out; and
// they can be answered in a sentence or passed. Keepers may write their own as well.

export interface Prompt {
  id: string;
  stage: Stage;
  en: string;
  es: string;
}

export const promptLibrary: readonly Prompt[] = [
  {
    id: 'opening-why-here',
    stage: 'opening',
    en: 'In a few words: what brought you to this circle today?',
    es: 'En pocas palabras: ¿qué le trajo hoy a este círculo?',
  },
  {
    id: 'opening-hope',
    stage: 'opening',
    en: 'What do you hope this conversation could change, even a little?',
    es: '¿Qué espera que esta conversación pueda cambiar, aunque sea un poco?',
  },
  {
    id: 'check-in-arriving',
    stage: 'check_in',
    en: 'How are you arriving today? One word or one sentence is enough.',
    es: '¿Cómo llega hoy? Basta con una palabra o una frase.',
  },
  {
    id: 'check-in-neighbourhood',
    stage: 'check_in',
    en: 'What is one place in this neighbourhood that matters to you, and why?',
    es: '¿Qué lugar de este barrio es importante para usted, y por qué?',
  },
  {
    id: 'check-in-role',
    stage: 'check_in',
    en: 'Besides your job or your role here, who are you at home or in your community?',
    es: 'Además de su trabajo o de su papel aquí, ¿quién es usted en su casa o en su comunidad?',
  },
  {
    id: 'values-need',
    stage: 'values',
    en: 'What do you need from the others in this circle to speak honestly?',
    es: '¿Qué necesita de las demás personas de este círculo para hablar con sinceridad?',
  },
  {
    id: 'values-respect',
    stage: 'values',
    en: 'What does respect look like when people disagree?',
    es: '¿Cómo se ve el respeto cuando las personas no están de acuerdo?',
  },
  {
    id: 'values-offer',
    stage: 'values',
    en: 'What is one thing you will offer this circle while we are together?',
    es: '¿Qué es algo que usted ofrecerá a este círculo mientras estemos reunidos?',
  },
  {
    id: 'story-safe',
    stage: 'story',
    en: 'Tell us about a time you felt safe in this neighbourhood. What made it so?',
    es: 'Cuéntenos de una vez en que se sintió seguro o segura en este barrio. ¿Qué lo hizo posible?',
  },
  {
    id: 'story-first-contact',
    stage: 'story',
    en: 'What do you remember about your first contact with the police, or with this community?',
    es: '¿Qué recuerda de su primer contacto con la policía, o con esta comunidad?',
  },
  {
    id: 'story-not-heard',
    stage: 'story',
    en: 'Tell us about a time you felt you were not heard. What would have helped?',
    es: 'Cuéntenos de una vez en que sintió que no le escuchaban. ¿Qué le habría ayudado?',
  },
  {
    id: 'story-carry',
    stage: 'story',
    en: 'What do you carry with you into an encounter between officers and residents?',
    es: '¿Qué lleva consigo a un encuentro entre agentes y vecinos?',
  },
  {
    id: 'issue-affected',
    stage: 'issue',
    en: 'How has this issue affected you, or the people close to you?',
    es: '¿Cómo le ha afectado este asunto a usted, o a las personas cercanas?',
  },
  {
    id: 'issue-understand',
    stage: 'issue',
    en: 'What do you wish the others in this circle understood about it?',
    es: '¿Qué le gustaría que las demás personas de este círculo entendieran sobre esto?',
  },
  {
    id: 'issue-heard-new',
    stage: 'issue',
    en: 'What have you heard today that was new to you?',
    es: '¿Qué ha escuchado hoy que fuera nuevo para usted?',
  },
  {
    id: 'issue-fear',
    stage: 'issue',
    en: 'What worries you most when you think about this issue?',
    es: '¿Qué es lo que más le preocupa cuando piensa en este asunto?',
  },
  {
    id: 'commitments-can-do',
    stage: 'commitments',
    en: 'What is one thing you can do, in the next month, to make things better?',
    es: '¿Qué es algo que usted puede hacer, en el próximo mes, para mejorar las cosas?',
  },
  {
    id: 'commitments-need-from',
    stage: 'commitments',
    en: 'What do you need from the others here to keep that promise?',
    es: '¿Qué necesita de las demás personas aquí para cumplir esa promesa?',
  },
  {
    id: 'commitments-know-kept',
    stage: 'commitments',
    en: 'How will we all know that it was done?',
    es: '¿Cómo sabremos todos que se cumplió?',
  },
  {
    id: 'check-out-take-away',
    stage: 'check_out',
    en: 'What will you take with you from this circle?',
    es: '¿Qué se lleva de este círculo?',
  },
  {
    id: 'check-out-one-word',
    stage: 'check_out',
    en: 'In one word: how are you leaving?',
    es: 'En una palabra: ¿cómo se va?',
  },
  {
    id: 'closing-thanks',
    stage: 'closing',
    en: 'Is there someone in this circle you would like to thank?',
    es: '¿Hay alguien en este círculo a quien quiera dar las gracias?',
  },
  {
    id: 'closing-next-time',
    stage: 'closing',
    en: 'What would you like us to talk about when we meet again?',
    es: '¿De qué le gustaría que habláramos la próxima vez que nos reunamos?',
  },
];

/** The library's questions for one stage of the circle, in the order they are offered. */
export const promptsFor = (stage: Stage): Prompt[] =>
  promptLibrary.filter((prompt) => prompt.stage === stage);
