import { type EmailBase, formatMoment, layout, oneLine, type Template } from './layout.ts';

export interface CircleCancelledData extends EmailBase {
  purpose: string;
  programName: string;
  startsAt: Date;
  /** The circle's zone (IANA name): the reader sees the local time it was planned for. */
  timeZone: string;
}

// Someone who set time aside for a circle hears that it will not meet, so that nobody waits for
// a circle that is not coming; the calendar file sent with it takes the event out of calendars.
export const circleCancelled: Template<CircleCancelledData> = (data, language) => {
  const purpose = oneLine(data.purpose);
  const program = oneLine(data.programName);
  const when = formatMoment(data.startsAt, language, data.timeZone);
  if (language === 'es') {
    return layout({
      language,
      subject: `Círculo cancelado: ${purpose}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `El círculo «${purpose}» de «${program}», previsto para el ${when}, se canceló: no se reunirá.`,
        },
        {
          kind: 'note',
          text: 'No necesita hacer nada. Quien le invitó puede contarle más, o decirle cuándo será el próximo.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `Circle cancelled: ${purpose}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `The circle “${purpose}” of “${program}”, planned for ${when}, was cancelled: it will not meet.`,
      },
      {
        kind: 'note',
        text: 'You need not do anything. The person who invited you can tell you more, or when the next one is.',
      },
    ],
  });
};
