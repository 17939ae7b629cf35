import type { youthEventsEn } from './en-youth-events.ts';

// Las palabras en español de los eventos de los programas juveniles: "usted" para el personal
// que los planifica y registra la asistencia; "tú" para la persona joven en su propia página.

export const youthEventsEs: typeof youthEventsEn = {
  section: {
    heading: 'Eventos',
    lead: 'Juegos, visitas y talleres del programa. Planifique uno aquí; quien lo dirige registra quién vino.',
    none: 'Todavía no hay eventos.',
    item: '{{when}}, {{place}}',
    came_one: 'Asistió {{count}}',
    came_other: 'Asistieron {{count}}',
    planHeading: 'Planificar un evento',
    title: 'Título',
    titleHelp: 'Por ejemplo, “Baloncesto en el centro recreativo”.',
    startsAt: 'Empieza',
    place: 'Dónde',
    placeHelp: 'Un lugar público o una de las salas del programa.',
    plan: 'Planificar el evento',
    planned:
      '“{{title}}” está planificado. Las personas jóvenes que pueden participar lo ven en su página.',
    bad: {
      title: 'Dé al evento un título de al menos 2 caracteres.',
      titleLong: 'El título debe tener menos de 120 caracteres.',
      startsAt: 'Indique el día y la hora en que empieza el evento.',
      place: 'Indique dónde es el evento, por ejemplo “Biblioteca Riverside”.',
      placeLong: 'El lugar debe tener menos de 200 caracteres.',
    },
  },
  event: {
    title: 'Evento',
    when: '{{when}}, {{place}}',
    back: 'Volver a las personas jóvenes de {{program}}',
    attendanceHeading: 'Quién vino',
    attendanceLead:
      'Marque a todas las personas que vinieron. Quien quede sin marcar se registra como ausente.',
    marks: {
      present: 'vino',
      absent: 'no vino',
      not_recorded: 'sin registrar',
    },
    person: '{{name}} ({{mark}})',
    save: 'Guardar quién vino',
    saved: 'Guardado. Asistencia: {{count}}.',
    nobody: 'Ninguna persona joven de este programa puede participar todavía.',
    notYetHeading: 'Todavía no pueden participar',
    notYetLead:
      'Estas personas jóvenes no se pueden registrar hasta que el consentimiento de su tutor esté vigente:',
    notYet: {
      none: '{{name}}: todavía no se ha pedido el consentimiento a ningún tutor.',
      requested: '{{name}}: se espera la respuesta de su tutor.',
      declined: '{{name}}: su tutor no dio su consentimiento.',
      withdrawn: '{{name}}: su tutor retiró su consentimiento.',
      lapsed:
        '{{name}}: el consentimiento de su tutor venció; pídalo de nuevo desde la página del programa.',
    },
    needsConsent:
      'Alguien de la lista ya no puede participar, así que no se guardó nada. La lista está al día: revísela y guarde de nuevo.',
    notFound: 'Este evento no existe, o no le corresponde leerlo.',
    failed: 'No pudimos cargar el evento. Revise su conexión e intente de nuevo.',
  },
  mine: {
    heading: 'Próximos eventos',
    none: 'Todavía no hay nada planificado. Los eventos aparecerán aquí.',
    item: '{{when}}, {{place}}',
  },
};
