import { type EmailBase, formatDay, layout, oneLine, type Template } from './layout.ts';

export type TrainingReminderKind = 'assigned' | 'due_soon' | 'overdue' | 'renewal_due' | 'expired';

export interface TrainingReminderData extends EmailBase {
  courseTitle: string;
  programName: string;
  /** The due day (YYYY-MM-DD) for a course, or the day a certificate expires. */
  day: string;
  kind: TrainingReminderKind;
  /** The learner's own page of the course, where they take it or print their certificate. */
  link: string;
}

const say = {
  en: {
    subject: {
      assigned: (title: string) => `New course for you: ${title}`,
      due_soon: (title: string) => `Coming due: ${title}`,
      overdue: (title: string) => `Past its due date: ${title}`,
      renewal_due: (title: string) => `Time to renew: ${title}`,
      expired: (title: string) => `Your certificate has expired: ${title}`,
    },
    body: {
      assigned: (title: string, program: string, day: string) =>
        `“${program}” asks you to take the course “${title}” by ${day}. You can take it in short sittings, on your phone or a computer; it keeps your place.`,
      due_soon: (title: string, program: string, day: string) =>
        `The course “${title}” of “${program}” is due on ${day}. It keeps your place, so you can go on where you stopped.`,
      overdue: (title: string, program: string, day: string) =>
        `The course “${title}” of “${program}” was due on ${day}. You can still take it: it keeps your place. If something is in the way, tell your coordinator.`,
      renewal_due: (title: string, program: string, day: string) =>
        `Your certificate for “${title}” of “${program}” expires on ${day}. Your coordinator can assign you the course again to renew it; tell them if they have not yet.`,
      expired: (title: string, program: string, day: string) =>
        `Your certificate for “${title}” of “${program}” expired on ${day}. Ask your coordinator to assign you the course again to renew it.`,
    },
    action: { course: 'Open the course', certificate: 'See your certificate' },
  },
  es: {
    subject: {
      assigned: (title: string) => `Un curso nuevo para usted: ${title}`,
      due_soon: (title: string) => `Se acerca la fecha: ${title}`,
      overdue: (title: string) => `Pasó la fecha límite: ${title}`,
      renewal_due: (title: string) => `Es hora de renovar: ${title}`,
      expired: (title: string) => `Su certificado venció: ${title}`,
    },
    body: {
      assigned: (title: string, program: string, day: string) =>
        `«${program}» le pide tomar el curso «${title}» antes del ${day}. Puede tomarlo por partes, en su teléfono o en una computadora; guarda donde se quedó.`,
      due_soon: (title: string, program: string, day: string) =>
        `El curso «${title}» de «${program}» vence el ${day}. Guarda donde se quedó, así que puede seguir desde ahí.`,
      overdue: (title: string, program: string, day: string) =>
        `El curso «${title}» de «${program}» vencía el ${day}. Todavía puede tomarlo: guarda donde se quedó. Si algo se lo impide, dígaselo a su coordinador o coordinadora.`,
      renewal_due: (title: string, program: string, day: string) =>
        `Su certificado de «${title}» de «${program}» vence el ${day}. Su coordinador o coordinadora puede asignarle el curso de nuevo para renovarlo; avísele si aún no lo ha hecho.`,
      expired: (title: string, program: string, day: string) =>
        `Su certificado de «${title}» de «${program}» venció el ${day}. Pida a su coordinador o coordinadora que le asigne el curso de nuevo para renovarlo.`,
    },
    action: { course: 'Abrir el curso', certificate: 'Ver su certificado' },
  },
} as const;

// A learner hears when a course is assigned, a week before it is due, once if the day passes,
// and when their certificate nears its end or has expired. Kind words: training is asked of
// people on shift, and a late course is a conversation with a coordinator, not a reprimand.
export const trainingReminder: Template<TrainingReminderData> = (data, language) => {
  const words = say[language];
  const title = oneLine(data.courseTitle);
  const program = oneLine(data.programName);
  const aboutCertificate = data.kind === 'renewal_due' || data.kind === 'expired';
  return layout({
    language,
    subject: words.subject[data.kind](title),
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: words.body[data.kind](title, program, formatDay(data.day, language)),
      },
      {
        kind: 'action',
        label: aboutCertificate ? words.action.certificate : words.action.course,
        url: data.link,
      },
    ],
  });
};
