import type { youthReportEn } from './en-youth-report.ts';

// Las palabras en español del informe de un programa juvenil, de «usted»: solo cifras, y una
// cifra oculta siempre dice por qué, con palabras.

export const youthReportEs: typeof youthReportEn = {
  title: 'Informe del programa juvenil',
  heading: 'Informe: {{program}}',
  link: 'Informe, solo con cifras',
  lead: 'Solo cifras: ningún nombre y nada de lo que alguien escribió. No se muestra una cifra de menos de {{threshold}}, ni una con la que se pueda deducir un grupo más pequeño.',
  loadFailed: 'No pudimos cargar el informe. Revise su conexión e inténtelo de nuevo.',
  notAllowed: 'El informe de este programa no se comparte con su cuenta.',
  hidden: {
    belowThreshold: 'Menos de {{threshold}}',
    derivable: 'Oculta, para que no se pueda deducir un grupo más pequeño',
  },
  column: { what: 'Qué', count: 'Cifra', youngPeople: 'Personas jóvenes' },
  ages: {
    caption: 'Personas jóvenes por edad',
    band: 'Edad',
    total: 'Todas las personas jóvenes',
  },
  consent: {
    caption: 'Consentimiento de los tutores, para menores de 18 años',
    status: 'Consentimiento',
    statuses: {
      current: 'Consentimiento vigente: puede participar',
      waiting: 'Esperando la respuesta del tutor',
      declined: 'El tutor no dio su consentimiento',
      withdrawn: 'Consentimiento retirado',
      lapsed: 'El consentimiento venció o era para un texto anterior',
    },
    total: 'Todos los menores de 18 años',
  },
  mentoring: {
    caption: 'Mentoría',
    activePairs: 'Parejas que se reúnen ahora',
    meetings: 'Reuniones registradas en los últimos 90 días',
    twoAdults: 'De ellas, reuniones con dos adultos presentes',
  },
  events: {
    caption: 'Eventos',
    held: 'Eventos realizados',
    attendance: 'Asistencia: personas jóvenes presentes, en cada evento',
  },
  concerns: {
    caption: 'Preocupaciones de protección',
    raised: 'Preocupaciones planteadas',
    closed: 'Preocupaciones cerradas',
    note: 'Lo que dice una preocupación, y quién la planteó, quedan con la persona responsable de protección.',
  },
};
