import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface MentoringPairedData extends EmailBase {
  youngPersonName: string;
  programName: string;
  /** The pair's page: messages and meetings. */
  link: string;
}

const say = {
  en: {
    subject: (young: string) => `You are now ${young}'s mentor`,
    body: (young: string, program: string) =>
      `In “${program}” you are now the mentor of ${young}. Your messages are on the pair's page. They are never private: the program's coordinators and safeguarding lead read every one, which keeps you and ${young} safe. Meet only as the program's rules say, and log each meeting there.`,
    action: 'Open the pair’s page',
  },
  es: {
    subject: (young: string) => `Ahora es mentor de ${young}`,
    body: (young: string, program: string) =>
      `En «${program}» ahora es mentor de ${young}. Sus mensajes están en la página de la pareja. Nunca son privados: la coordinación del programa y la persona responsable de la seguridad leen cada uno, y eso le protege a usted y a ${young}. Reúnase solo como indican las reglas del programa y registre allí cada reunión.`,
    action: 'Abrir la página de la pareja',
  },
} as const;

// The mentor hears that they were paired, and is told at once that the pair's messages are read
// by the program's coordinators: no one should think a channel with a young person is private.
export const mentoringPaired: Template<MentoringPairedData> = (data, language) => {
  const words = say[language];
  const young = oneLine(data.youngPersonName);
  return layout({
    language,
    subject: words.subject(young),
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: words.body(young, oneLine(data.programName)) },
      { kind: 'action', label: words.action, url: data.link },
    ],
  });
};
