import type { Catalogue } from './en.ts';

// Las palabras de la página de un programa juvenil para quienes lo coordinan, en español (neutro
// latinoamericano, de «usted»): una parte de es.ts, en su propio archivo. El tipo exige las
// mismas claves que en inglés. «Persona tutora» nombra a la madre, el padre o el tutor legal.

export const youthProgramEs: Pick<Catalogue['youth'], 'program'> = {
  program: {
    title: 'Programa juvenil',
    heading: 'Jóvenes de {{program}}',
    link: 'Jóvenes de {{program}}',
    lead: 'Para quiénes es el programa, quién se ocupa de su protección y los jóvenes que participan.',
    loadFailed: 'No pudimos cargar esta página. Revise su conexión y vuelva a intentarlo.',
    notAllowed: 'Los ajustes juveniles de este programa no están compartidos con su cuenta.',
    bands: {
      '10-11': 'De 10 a 11',
      '12-13': 'De 12 a 13',
      '14-15': 'De 14 a 15',
      '16-17': 'De 16 a 17',
      '18-20': 'De 18 a 20',
      '21-24': 'De 21 a 24',
    },
    statuses: {
      adult: 'Puede participar',
      current: 'Puede participar',
      none: 'Aún no se le ha preguntado a la persona tutora',
      requested: 'Esperando la respuesta de la persona tutora',
      declined: 'La persona tutora no aceptó',
      withdrawn: 'Consentimiento retirado',
      lapsed: 'El consentimiento venció: pregunte de nuevo',
    },
    settings: {
      heading: 'Ajustes del programa juvenil',
      makeHeading: 'Convertir en programa juvenil',
      makeLead:
        'Un programa juvenil recibe a jóvenes de 10 a 24 años. Cuando lo sea, podrá agregar jóvenes aquí. Para quienes tienen menos de 18, se le pide por correo a su madre, padre o tutor que dé su consentimiento primero, y el joven solo podrá participar cuando haya dicho que sí.',
      makeKept:
        'Guardamos muy poco sobre cada joven: el nombre con el que quiere que lo llamen, su rango de edad y, si tiene menos de 18, el nombre y el correo de su persona tutora.',
      lead: 'Las personas tutoras leen estas palabras y reglas antes de dar su consentimiento. Cámbielas con cuidado.',
      ages: 'Edades',
      agesHelp: 'La edad menor y la mayor que recibe el programa, de 10 a 24.',
      minAge: 'Edad menor',
      maxAge: 'Edad mayor',
      safeguarding: 'Protección',
      forGuardians: 'Lo que aceptan las personas tutoras',
      forGuardiansHelp:
        'Las personas tutoras leen esto antes de aceptar. Si lo cambia, o cambia las reglas de los encuentros, se les pregunta de nuevo a todas.',
      safeguardingLead: 'Responsable de protección',
      safeguardingLeadHelp:
        'La persona a quien llega toda preocupación por la seguridad de un joven, y solo a ella. Las personas tutoras y los jóvenes ven su nombre.',
      chooseLead: 'Elija a una persona',
      noKeepers:
        'Todavía no hay ninguna persona coordinadora o facilitadora de este programa para elegir. Agregue una primero en la página de la organización.',
      rules: 'Reglas de los encuentros',
      rulesHelp:
        'Se les explican estas reglas a las personas tutoras antes de que den su consentimiento.',
      twoAdultsPresent: 'Al menos dos adultos del programa en cada encuentro con jóvenes',
      openPlacesOnly: 'Encuentros solo en lugares públicos o en las instalaciones del programa',
      guardianSeesMentoring:
        'Las personas tutoras pueden leer los mensajes entre su joven y su mentor',
      retentionDays: 'Conservar el registro de un joven durante (días)',
      retentionDaysHelp:
        'Cuando un joven deja el programa, su registro se conserva esta cantidad de días y luego se elimina: de 30 días a 3 años (1.095 días).',
      consentValidDays: 'El consentimiento dura (días)',
      consentValidDaysHelp:
        'Pasada esta cantidad de días, volvemos a preguntarle a la persona tutora: de 30 días a 2 años (730 días).',
      aboutForGuardians: 'Sobre el programa, para las personas tutoras',
      aboutForGuardiansHelp:
        'En una o dos oraciones, con palabras sencillas: qué hará su joven, dónde y con quién.',
      askAgainHeading: 'Se les preguntará de nuevo a las personas tutoras',
      askAgainBody:
        'Usted cambió lo que aceptan las personas tutoras. Al guardar, cada una recibe un correo y se le pregunta de nuevo, y su joven solo podrá participar cuando vuelva a aceptar.',
      askAgainCount_one: 'Esto significa que 1 persona tutora recibirá un correo.',
      askAgainCount_other: 'Esto significa que {{count}} personas tutoras recibirán un correo.',
      makeSubmit: 'Convertir en programa juvenil',
      submit: 'Guardar los ajustes',
      submitAskAgain: 'Guardar y preguntar de nuevo',
      made: '{{program}} ya es un programa juvenil.',
      saved: 'Se guardaron los ajustes.',
      savedAskedAgain:
        'Se guardaron los ajustes. Se les está preguntando de nuevo a las personas tutoras.',
      currentVersion:
        'Las personas tutoras aceptan la versión {{version}} de estas palabras y reglas.',
    },
    people: {
      heading: 'Jóvenes',
      notYet: 'Cuando este sea un programa juvenil, podrá agregar jóvenes aquí.',
      none: 'Todavía no hay jóvenes. Agregue al primero más abajo.',
      loadFailed:
        'No pudimos cargar la lista de jóvenes. Revise su conexión y vuelva a intentarlo.',
      ageBand: 'Edad',
      guardian: 'Persona tutora',
      noGuardian: 'No hace falta (18 o más)',
      status: 'Participación',
      newLink: 'Nuevo enlace',
      newLinkFor: 'Nuevo enlace para {{name}}',
      newLinkHeading: 'Un nuevo enlace para {{name}}',
      newLinkBody:
        'Entréguele este enlace a {{name}}: es su forma de entrar. El enlace anterior ya no funciona. Solo se muestra esta vez: cópielo, imprímalo o envíelo ahora.',
      askAgain: 'Preguntar de nuevo a la persona tutora',
      askAgainFor: 'Preguntar de nuevo a la persona tutora de {{name}}',
      askedAgain: 'Le enviamos otro correo a la persona tutora de {{name}}.',
      leave: 'Dejó el programa',
      leaveFor: 'Registrar que {{name}} dejó el programa',
      leaveTitle: '¿{{name}} dejó el programa?',
      leaveBody:
        'Desde ahora {{name}} ya no participa: su enlace deja de funcionar. Lo que se guarda de esta persona (y el contacto de su persona tutora) se borra cuando termina el plazo de conservación del programa.',
      leaveConfirm: 'Sí, registrarlo',
      leaveCancel: 'Ahora no',
      left: 'Dejó el programa el {{on}}. Su registro se borra cuando termina el plazo de conservación.',
    },
    add: {
      heading: 'Agregar a un joven',
      lead: 'Recibe su propio enlace para entrar: no necesita correo ni contraseña.',
      displayName: 'Nombre con el que quiere que lo llamen',
      displayNameHelp:
        'El nombre que verán los demás en el programa. Puede ser un nombre de pila o un apodo.',
      ageBand: 'Rango de edad',
      ageBandHelp: 'Guardamos un rango de edad, nunca la fecha de nacimiento.',
      guardian: 'Madre, padre o tutor',
      guardianHelp:
        'Si tiene menos de 18, su madre, padre o tutor debe dar su consentimiento primero. Le escribimos ahora para preguntarle, en el idioma que usted elija.',
      guardianName: 'Nombre de la persona tutora',
      guardianNameHelp: 'Como prefiere que se le llame.',
      guardianEmail: 'Correo de la persona tutora',
      guardianLanguage: 'Idioma del correo a la persona tutora',
      noGuardianNeeded: 'Con 18 años o más no se le pregunta a nadie: decide por sí mismo.',
      submit: 'Agregar al joven',
      added: 'Se agregó a {{name}}.',
      linkHeading: 'El enlace de {{name}}',
      linkBody:
        'Entréguele este enlace a {{name}}: es su forma de entrar. Solo se muestra esta vez: cópielo, imprímalo o envíelo ahora.',
      guardianAsked: 'Le escribimos a su persona tutora para pedirle el consentimiento.',
    },
    errors: {
      ageRange: 'Elija una edad de 10 a 24.',
      maxBelowMin: 'La edad mayor no puede ser menor que la edad menor.',
      lead: 'Elija a la persona responsable de protección.',
      leadNotStaff:
        'Elija como responsable de protección a una persona coordinadora, facilitadora o administradora de este programa.',
      days: 'Escriba la cantidad de días con un número entero.',
      retentionShort:
        'Conserve los registros al menos 30 días, para que se pueda dar seguimiento a una preocupación.',
      retentionLong: 'Conserve los registros como máximo 3 años (1.095 días).',
      consentShort: 'Un consentimiento dura al menos 30 días.',
      consentLong: 'Un consentimiento dura como máximo 2 años (730 días).',
      aboutShort: 'Cuénteles a las personas tutoras, en una o dos oraciones, qué hará su joven.',
      aboutLong: 'El texto debe tener menos de 2.000 caracteres.',
      name: 'Escriba un nombre para que vean los demás; no tiene que ser su nombre real.',
      nameLong: 'El nombre debe tener menos de 60 caracteres.',
      band: 'Elija un rango de edad.',
      bandOutside:
        'Este programa es para edades de {{min}} a {{max}}: elija un rango de edad dentro de ellas.',
      guardianRequired:
        'Un joven menor de 18 necesita el consentimiento de su persona tutora: escriba su nombre y su correo.',
      guardianName: 'Escriba el nombre de la persona tutora, como prefiere que se le llame.',
      guardianNameLong: 'El nombre debe tener menos de 80 caracteres.',
      guardianEmail: 'Escriba un correo como nombre@ejemplo.org.',
      alreadyRequested:
        'No hay nada que preguntar: una solicitud espera la respuesta de la persona tutora, o su consentimiento está vigente.',
    },
  },
};
