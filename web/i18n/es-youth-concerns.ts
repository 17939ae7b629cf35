import type { youthConcernsEn } from './en-youth-concerns.ts';

// Las palabras en español de las preocupaciones de protección: de «tú», sencillas y cálidas
// para la persona joven que escribe; de «usted» en la página de la persona responsable.

export const youthConcernsEs: typeof youthConcernsEn = {
  raise: {
    label: '¿Qué pasó, o qué te preocupa?',
    help: 'Solo {{lead}} lo leerá. Escríbelo con tus propias palabras.',
    send: 'Enviar',
    sent: 'Enviado a {{lead}}. Solo esa persona lo leerá.',
    sentNext:
      'Gracias por contarlo. Si estás en peligro ahora mismo, llama al número de emergencias.',
    another: 'Contarle otra cosa a {{lead}}',
    errors: {
      short: 'Escribe un poco más, al menos 10 letras, para que {{lead}} lo entienda.',
      long: 'Es demasiado largo: escribe menos de 4000 caracteres.',
      failed: 'Tu mensaje no se envió. No se perdió nada de lo que escribiste: inténtalo otra vez.',
      network:
        'Tu mensaje no se envió: revisa tu conexión. No se perdió nada de lo que escribiste.',
    },
  },
  page: {
    title: 'Preocupaciones de protección',
    heading: 'Preocupaciones de protección: {{program}}',
    lead: 'Solo usted, como responsable de protección del programa, puede leerlas. Registre cada paso que dé y cierre una preocupación cuando no quede nada por hacer.',
    none: 'No se ha planteado ninguna preocupación en este programa.',
    concernHeading: 'Preocupación planteada el {{at}}',
    raisedBy: 'La planteó {{name}}',
    raisedByRemoved: 'La planteó una persona cuyo registro ya se eliminó',
    status: { open: 'Abierta', closed: 'Cerrada' },
    record: 'Lo que se hizo',
    nothingYet: 'Todavía no hay nada registrado.',
    actionBy: '{{name}}, {{at}}',
    closedIt: 'Cerró la preocupación.',
    add: {
      note: '¿Qué hizo usted?',
      noteHelp: 'Con quién habló, qué decidió, a quién la derivó.',
      close: 'Cerrar la preocupación: no queda nada por hacer',
      reopens: 'Esta preocupación está cerrada. Una nota que no la cierre la vuelve a abrir.',
      save: 'Añadir al registro',
      saved: 'Añadido al registro.',
      errors: {
        note: 'Escriba lo que hizo.',
        noteLong: 'Escriba una nota de menos de 4000 caracteres.',
      },
    },
    notLead: {
      heading: 'Las preocupaciones van solo a la persona responsable de protección',
      body: 'Para proteger a quienes las plantean, solo la persona responsable de protección del programa puede leer sus preocupaciones y registrar lo que se hizo.',
    },
    failed: 'No pudimos cargar las preocupaciones. Revise su conexión e intente de nuevo.',
  },
};
