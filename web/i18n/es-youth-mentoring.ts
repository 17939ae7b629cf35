import type { youthMentoringEn } from './en-youth-mentoring.ts';

// Las palabras en español de las parejas de mentoría: "tú" para la persona joven en lo que lee
// ella; "usted" en lo que lee la coordinación.

export const youthMentoringEs: typeof youthMentoringEn = {
  pair: {
    title: 'Mentoría',
    heading: '{{mentor}} y {{young}}',
    readAlong:
      'Nada aquí es privado entre ustedes dos: {{names}} también leen cada mensaje. Así todos están más seguros.',
    readAlongWithGuardian:
      'Nada aquí es privado entre ustedes dos: {{names}} también leen cada mensaje, y también puede leerlos la madre, el padre o el tutor de {{young}}. Así todos están más seguros.',
    messages: 'Mensajes',
    noMessages: 'Todavía no hay mensajes. ¡Saluda!',
    you: 'Tú',
    yourMessage: 'Tu mensaje',
    send: 'Enviar',
    writeFirst: 'Escribe un mensaje primero.',
    aloneWithMinor:
      'Nadie más que el mentor leería estos mensajes, así que no se pueden enviar. Pida al programa que nombre a una coordinación o a una persona responsable de la seguridad que los lea.',
    needsConsent:
      'Los mensajes y las reuniones esperan a que la madre, el padre o el tutor dé su consentimiento.',
    notFound: 'Esta pareja de mentoría no existe, o no le corresponde leerla.',
    failed: 'No pudimos cargar los mensajes. Revisa tu conexión e intenta de nuevo.',
  },
  meetings: {
    heading: 'Reuniones',
    none: 'Todavía no hay reuniones registradas.',
    item: '{{when}}, {{place}}. También presentes: {{present}}. Registró {{by}}.',
    logHeading: 'Registrar una reunión',
    when: 'Cuándo se reunieron',
    place: 'Dónde',
    placeHelp: 'Un lugar público o uno de los espacios del programa.',
    present: 'Quién más estuvo',
    presentHelp: 'Sus nombres, separados por comas.',
    log: 'Registrar la reunión',
    twoAdults:
      'Este programa pide dos personas adultas en cada reunión: escriba el nombre de la otra persona adulta que estuvo.',
    bad: {
      metAt: 'Indique el día y la hora de una reunión que ya ocurrió.',
      place: 'Diga dónde se reunieron, por ejemplo «Biblioteca de Riverside».',
      present: 'Escriba cada nombre completo, separados por comas.',
    },
  },
  mine: {
    heading: 'Tu mentor',
    mentor: 'Tu mentor es {{mentor}}.',
    open: 'Abrir tus mensajes',
  },
  section: {
    heading: 'Parejas de mentoría',
    lead: 'Un agente mentor y una persona joven se escriben y se reúnen. Usted lee cada mensaje; las reuniones se registran con quién estuvo presente.',
    none: 'Todavía no hay parejas.',
    pairName: '{{mentor}} es mentor de {{young}}',
    newHeading: 'Formar una pareja',
    mentor: 'Mentor',
    youngPerson: 'Persona joven',
    youngPersonHelp: 'Solo aparecen las personas jóvenes que pueden participar.',
    chooseOne: 'Elija…',
    pair: 'Formar la pareja',
    noMentors:
      'Este programa todavía no tiene agentes verificados: los verifica la administración de la agencia.',
    needsConsent:
      'La madre, el padre o el tutor de esta persona joven todavía no dio su consentimiento: forme la pareja cuando lo haya dado.',
    choose: {
      mentorId: 'Elija como mentor a un agente verificado de este programa.',
      youngPersonId: 'Elija a la persona joven.',
    },
  },
};
