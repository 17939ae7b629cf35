import { type EmailBase, formatMoment, layout, oneLine, type Template } from './layout.ts';

export interface CircleReminderData extends EmailBase {
  purpose: string;
  programName: string;
  keeperName: string;
  startsAt: Date;
  /** The circle's zone (IANA name). */
  timeZone: string;
  /** 24: the day before; 1: the hour before. */
  hoursBefore: 24 | 1;
  /** The reader's own page before joining. */
  link: string;
}

// A gentle reminder, never pressure: coming stays the reader's choice.
export const circleReminder: Template<CircleReminderData> = (data, language) => {
  const purpose = oneLine(data.purpose);
  const program = oneLine(data.programName);
  const keeper = oneLine(data.keeperName);
  const when = formatMoment(data.startsAt, language, data.timeZone);
  const soon = data.hoursBefore === 1;
  if (language === 'es') {
    return layout({
      language,
      subject: soon ? `Su círculo empieza pronto: ${purpose}` : `Se acerca su círculo: ${purpose}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `El círculo «${purpose}» de «${program}» empieza el ${when}. Lo guía ${keeper}.`,
        },
        {
          kind: 'paragraph',
          text: soon
            ? 'Puede entrar unos minutos antes para elegir su nombre y leer las pautas.'
            : 'Antes de entrar, elegirá el nombre que verán los demás y leerá las pautas del círculo.',
        },
        { kind: 'action', label: 'Ir al círculo', url: data.link },
        {
          kind: 'note',
          text: 'Participar sigue siendo su decisión. Si no puede venir, no necesita hacer nada.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: soon ? `Your circle starts soon: ${purpose}` : `Your circle is coming up: ${purpose}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `The circle “${purpose}” of “${program}” starts on ${when}. ${keeper} keeps it.`,
      },
      {
        kind: 'paragraph',
        text: soon
          ? 'You can come in a few minutes early to choose your name and read the guidelines.'
          : 'Before you join, you choose the name others see and read the circle’s guidelines.',
      },
      { kind: 'action', label: 'Go to the circle', url: data.link },
      {
        kind: 'note',
        text: 'Taking part is still your choice. If you cannot come, you need not do anything.',
      },
    ],
  });
};
