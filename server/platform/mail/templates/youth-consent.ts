import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface YouthConsentRequestData extends EmailBase {
  guardianName: string;
  youngPersonName: string;
  programName: string;
  organisationName: string;
  /** The guardian's page: what the program is, what is kept and for how long, and the answer. */
  link: string;
  /** Asked again because what the program does or keeps changed, or a consent ran out. */
  again: boolean;
}

export interface YouthConsentAnsweredData extends EmailBase {
  guardianName: string;
  youngPersonName: string;
  programName: string;
  answer: 'given' | 'declined' | 'withdrawn';
  /** The same page: where a consent is withdrawn at any time. */
  link: string;
}

const say = {
  en: {
    requestSubject: (program: string) => `Your consent is asked: ${program}`,
    hello: (guardian: string) => `Hello ${guardian},`,
    request: (young: string, program: string, organisation: string) =>
      `${young} has been invited to “${program}”, a program run by ${organisation} where young people and police officers meet and talk. Because ${young} is under 18, they can only take part with your consent.`,
    requestAgain: (young: string, program: string) =>
      `We are asking again for your consent for ${young} to take part in “${program}”: what the program does or keeps has changed, or your earlier consent has run out. Until you answer, ${young} does not take part.`,
    requestWhat:
      'The page below says in plain words what the program is, what we keep about your young person and for how long, and who to call with a worry. You can consent or decline there, and withdraw a consent at any time.',
    requestAction: 'Read and answer',
    requestNote:
      'If you did not expect this email, you can ignore it: nothing happens without your answer.',
    answeredSubject: {
      given: (program: string) => `Thank you: your consent for ${program}`,
      declined: (program: string) => `Your answer about ${program}`,
      withdrawn: (program: string) => `Your consent for ${program} is withdrawn`,
    },
    answered: {
      given: (young: string, program: string) =>
        `You consented to ${young} taking part in “${program}”. Keep this email: the link below is where you can read what you agreed to, and withdraw your consent at any time.`,
      declined: (young: string, program: string) =>
        `You declined for ${young} to take part in “${program}”. ${young} will not take part. If you change your mind, ask the program's coordinator to send a new request.`,
      withdrawn: (young: string, program: string) =>
        `You withdrew your consent. From now on ${young} takes no part in “${program}”. If you change your mind, ask the program's coordinator to send a new request.`,
    },
    answeredAction: 'Open your consent page',
  },
  es: {
    requestSubject: (program: string) => `Le pedimos su consentimiento: ${program}`,
    hello: (guardian: string) => `Hola, ${guardian}:`,
    request: (young: string, program: string, organisation: string) =>
      `${young} fue invitado o invitada a «${program}», un programa de ${organisation} donde jóvenes y agentes de policía se reúnen y conversan. Como ${young} tiene menos de 18 años, solo puede participar con su consentimiento.`,
    requestAgain: (young: string, program: string) =>
      `Le pedimos de nuevo su consentimiento para que ${young} participe en «${program}»: cambió lo que el programa hace o guarda, o su consentimiento anterior venció. Hasta que responda, ${young} no participa.`,
    requestWhat:
      'La página de abajo explica con palabras sencillas qué es el programa, qué guardamos sobre su joven y por cuánto tiempo, y a quién llamar si algo le preocupa. Allí puede dar o negar su consentimiento, y retirarlo cuando quiera.',
    requestAction: 'Leer y responder',
    requestNote: 'Si no esperaba este correo, puede ignorarlo: nada sucede sin su respuesta.',
    answeredSubject: {
      given: (program: string) => `Gracias: su consentimiento para ${program}`,
      declined: (program: string) => `Su respuesta sobre ${program}`,
      withdrawn: (program: string) => `Retiró su consentimiento para ${program}`,
    },
    answered: {
      given: (young: string, program: string) =>
        `Usted dio su consentimiento para que ${young} participe en «${program}». Guarde este correo: en el enlace de abajo puede leer lo que aceptó y retirar su consentimiento cuando quiera.`,
      declined: (young: string, program: string) =>
        `Usted no dio su consentimiento para que ${young} participe en «${program}». ${young} no participará. Si cambia de opinión, pida a la coordinación del programa una nueva solicitud.`,
      withdrawn: (young: string, program: string) =>
        `Retiró su consentimiento. Desde ahora ${young} no participa en «${program}». Si cambia de opinión, pida a la coordinación del programa una nueva solicitud.`,
    },
    answeredAction: 'Abrir su página de consentimiento',
  },
} as const;

// A guardian is asked in plain words, with one link to a page that says everything before they
// decide. The request is essential: a young person cannot take part until it is answered.
export const youthConsentRequest: Template<YouthConsentRequestData> = (data, language) => {
  const words = say[language];
  const young = oneLine(data.youngPersonName);
  const program = oneLine(data.programName);
  return layout({
    language,
    subject: words.requestSubject(program),
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: words.hello(oneLine(data.guardianName)) },
      {
        kind: 'paragraph',
        text: data.again
          ? words.requestAgain(young, program)
          : words.request(young, program, oneLine(data.organisationName)),
      },
      { kind: 'paragraph', text: words.requestWhat },
      { kind: 'action', label: words.requestAction, url: data.link },
      { kind: 'note', text: words.requestNote },
    ],
  });
};

/** The guardian's answer confirmed, with the link where a consent is withdrawn. */
export const youthConsentAnswered: Template<YouthConsentAnsweredData> = (data, language) => {
  const words = say[language];
  const young = oneLine(data.youngPersonName);
  const program = oneLine(data.programName);
  return layout({
    language,
    subject: words.answeredSubject[data.answer](program),
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: words.hello(oneLine(data.guardianName)) },
      { kind: 'paragraph', text: words.answered[data.answer](young, program) },
      { kind: 'action', label: words.answeredAction, url: data.link },
    ],
  });
};
