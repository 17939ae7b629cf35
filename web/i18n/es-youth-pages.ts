import type { youthPagesEn } from './en-youth-pages.ts';

// Las palabras en español de las páginas que leen un tutor y una persona joven.

export const youthPagesEs: typeof youthPagesEn = {
  guardian: {
    title: 'Su consentimiento',
    heading: 'Su consentimiento para {{young}}',
    lead: 'Hola, {{guardian}}. {{organisation}} invita a {{young}} a «{{program}}». Como {{young}} tiene menos de 18 años, solo participa con su consentimiento. Aquí está todo lo que necesita para decidir.',
    about: { heading: 'Qué es el programa' },
    safe: {
      heading: 'Cómo cuidamos a las personas jóvenes',
      twoAdults: 'En cada reunión hay al menos dos personas adultas del programa.',
      openPlaces: 'Las reuniones son solo en lugares públicos o en los espacios del programa.',
      messages:
        'Ninguna persona adulta puede escribirle a su joven en privado: la coordinación del programa ve cada mensaje entre un mentor y una persona joven.',
      messagesWithYou:
        'Ninguna persona adulta puede escribirle a su joven en privado: la coordinación del programa ve cada mensaje entre un mentor y una persona joven, y usted también puede verlos.',
      lead: 'Cualquier preocupación por la seguridad de una persona joven llega a {{lead}}, quien cuida la seguridad en este programa.',
    },
    kept: {
      heading: 'Qué guardamos y por cuánto tiempo',
      name: 'El nombre con el que {{young}} eligió que le vean.',
      band: 'Su grupo de edad: {{band}} años.',
      guardian: 'Su nombre y su correo, para poder preguntarle y mantenerle al tanto.',
      nothingElse:
        'Nada más: ni dirección, ni escuela, ni fecha de nacimiento, ni teléfono, ni fotos. Lo que las personas jóvenes dicen en los círculos no se comparte fuera de ellos.',
      removed_one: 'Lo borramos todo {{count}} día después de que {{young}} deje el programa.',
      removed_other: 'Lo borramos todo {{count}} días después de que {{young}} deje el programa.',
    },
    decide: {
      heading: 'Su respuesta',
      lasts_one:
        'Su consentimiento dura {{count}} día; entonces le preguntaremos de nuevo. Puede retirarlo cuando quiera desde esta página, y {{young}} deja de participar de inmediato.',
      lasts_other:
        'Su consentimiento dura {{count}} días; entonces le preguntaremos de nuevo. Puede retirarlo cuando quiera desde esta página, y {{young}} deja de participar de inmediato.',
      iAmGuardian: 'Soy la madre, el padre o el tutor legal de {{young}}.',
      confirmFirst: 'Confirme, por favor, que es la madre, el padre o el tutor legal de {{young}}.',
      give: 'Doy mi consentimiento',
      decline: 'No doy mi consentimiento',
    },
    status: {
      given:
        'Gracias. Dio su consentimiento el {{on}}. Dura hasta el {{until}}, y {{young}} puede participar.',
      lapsed:
        'Su consentimiento ya no cuenta: venció, o el programa cambió lo que hace. Recibirá una nueva solicitud por correo.',
      declined:
        'No dio su consentimiento el {{on}}. {{young}} no participa. Si cambia de opinión, pida a la coordinación del programa que le envíe una nueva solicitud.',
      withdrawn:
        'Retiró su consentimiento el {{on}}. Desde ahora {{young}} no participa. Si cambia de opinión, pida a la coordinación del programa que le envíe una nueva solicitud.',
    },
    readAlong: {
      heading: '{{young}} y su mentor, {{mentor}}',
      lead: 'El programa le permite leer lo que {{young}} y su mentor se escriben, igual que la coordinación.',
      meetings: 'Sus reuniones',
    },
    withdraw: {
      heading: 'Retirar su consentimiento',
      lead: 'Puede retirarlo cuando quiera, sin dar razones. {{young}} deja de participar de inmediato.',
      button: 'Retirar mi consentimiento',
      confirmTitle: '¿Retirar su consentimiento?',
      confirmBody:
        '{{young}} dejará de participar de inmediato: ni círculos, ni reuniones, ni mensajes. Más adelante puede pedir al programa una nueva solicitud.',
      confirm: 'Sí, retirarlo',
      cancel: 'Mantener mi consentimiento',
    },
    refused: {
      already_answered: 'Esta solicitud ya tiene respuesta. Abajo se ve la respuesta que cuenta.',
      not_given: 'No hay consentimiento que retirar: ya se retiró.',
      link_replaced:
        'Una solicitud más reciente reemplazó a esta. Abra, por favor, el correo más reciente sobre este programa.',
      failed: 'Su respuesta no nos llegó. Revise su conexión e intente de nuevo.',
    },
    link: {
      unknown: {
        heading: 'Este enlace no funciona',
        body: 'Puede estar incompleto: ábralo de nuevo desde el correo. Si sigue sin funcionar, puede que la persona joven haya dejado el programa, o que el programa le haya enviado un correo más reciente.',
      },
      replaced: {
        heading: 'Una solicitud más reciente reemplazó a esta',
        body: 'El programa le envió un correo más reciente sobre la misma persona joven. Abra, por favor, el enlace de ese correo.',
      },
      failed: {
        heading: 'No pudimos abrir su página de consentimiento',
        body: 'Revise su conexión e intente de nuevo en un momento.',
      },
    },
  },
  join: {
    title: 'Tu programa juvenil',
    heading: 'Te damos la bienvenida',
    lead: 'Este es tu acceso personal a tu programa juvenil. No compartas el enlace: abre tu página.',
    button: 'Abrir mi página',
    failed: 'No pudimos abrir tu página. Revisa tu conexión e intenta de nuevo.',
    closed: {
      heading: 'Este enlace ya no funciona',
      body: 'Pide uno nuevo a la persona que coordina tu programa: te lo puede dar enseguida.',
    },
  },
  mine: {
    title: 'Mi programa juvenil',
    heading: 'Mi programa juvenil',
    none: 'Todavía no estás en un programa juvenil.',
    ready: 'Todo listo: puedes unirte a los círculos y actividades de este programa.',
    waiting:
      'Estamos esperando que tu madre, padre o tutor diga que sí. En cuanto lo haga, podrás unirte a los círculos y actividades.',
    notGiven:
      'Tu madre, padre o tutor no dio su consentimiento, así que por ahora no puedes participar. Si crees que es un error, habla con {{lead}}.',
    worry: {
      heading: '¿Te preocupa algo?',
      body: 'Puedes hablar con {{lead}}, quien cuida la seguridad de todas las personas en este programa.',
      noSecrets:
        'Ninguna persona adulta de este programa debe pedirte que guardes un secreto o que hablen a solas. Si alguien lo hace, cuéntaselo a {{lead}} o a una persona adulta de tu confianza.',
    },
    help: {
      heading: 'Ayuda ahora mismo',
      danger: 'Si estás en peligro ahora mismo, llama al número de emergencias.',
      talk: 'También puedes hablar con tu familia, con un maestro o con otra persona adulta de tu confianza.',
    },
    refused: 'Esta página es para las personas jóvenes de un programa juvenil.',
    failed: 'No pudimos cargar tu página. Revisa tu conexión e intenta de nuevo.',
  },
};
