import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface YouthConcernRaisedData extends EmailBase {
  leadName: string;
  programName: string;
  /** The lead's page of the program's concerns: the words are read there, signed in. */
  link: string;
}

const say = {
  en: {
    subject: (program: string) => `A safeguarding concern was raised in ${program}`,
    hello: (lead: string) => `Hello ${lead},`,
    raised: (program: string) =>
      `Someone in “${program}” raised a safeguarding concern. As the program's safeguarding lead, you are the only one who can read it.`,
    where:
      'For the safety of the person who wrote it, this email does not say what it is about: sign in to read it, and record there what you did.',
    action: 'Read the concern',
  },
  es: {
    subject: (program: string) => `Se planteó una preocupación de protección en ${program}`,
    hello: (lead: string) => `Hola, ${lead}:`,
    raised: (program: string) =>
      `Alguien de «${program}» planteó una preocupación de protección. Como responsable de protección del programa, usted es la única persona que puede leerla.`,
    where:
      'Para proteger a quien la escribió, este correo no dice de qué se trata: inicie sesión para leerla y registre allí lo que hizo.',
    action: 'Leer la preocupación',
  },
} as const;

// Only that a concern was raised and where to read it: never its words, which stay sealed in
// the product, out of inboxes and mail servers.
export const youthConcernRaised: Template<YouthConcernRaisedData> = (data, language) => {
  const words = say[language];
  const program = oneLine(data.programName);
  return layout({
    language,
    subject: words.subject(program),
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: words.hello(oneLine(data.leadName)) },
      { kind: 'paragraph', text: words.raised(program) },
      { kind: 'paragraph', text: words.where },
      { kind: 'action', label: words.action, url: data.link },
    ],
  });
};
