import { type EmailBase, formatDay, layout, oneLine, type Template } from './layout.ts';

export interface CommitmentReminderData extends EmailBase {
  title: string;
  programName: string;
  /** The due day, YYYY-MM-DD. */
  dueOn: string;
  /** 'due_soon': the day is near; 'overdue': it has passed with the work still open. */
  kind: 'due_soon' | 'overdue';
  /** The commitment's page, where its owner reports progress or asks to move the day. */
  link: string;
}

// A nudge, not a reprimand: the people it was promised to are waiting to hear, and saying what
// changed (or that it will be late, and why) keeps their trust as much as finishing on time.
export const commitmentReminder: Template<CommitmentReminderData> = (data, language) => {
  const title = oneLine(data.title);
  const program = oneLine(data.programName);
  const day = formatDay(data.dueOn, language);
  if (language === 'es') {
    const overdue = data.kind === 'overdue';
    return layout({
      language,
      subject: overdue ? `Compromiso vencido: ${title}` : `Se acerca la fecha: ${title}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: overdue
            ? `El compromiso «${title}» de «${program}» vencía el ${day} y sigue abierto.`
            : `El compromiso «${title}» de «${program}» vence el ${day}.`,
        },
        {
          kind: 'paragraph',
          text: 'Las personas a quienes se prometió esperan noticias. Cuente cómo va, añada pruebas de lo hecho o, si la fecha no se puede cumplir, diga por qué.',
        },
        { kind: 'action', label: 'Informar sobre el compromiso', url: data.link },
      ],
    });
  }
  const overdue = data.kind === 'overdue';
  return layout({
    language,
    subject: overdue ? `Overdue commitment: ${title}` : `Coming due: ${title}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: overdue
          ? `The commitment “${title}” in “${program}” was due on ${day} and is still open.`
          : `The commitment “${title}” in “${program}” is due on ${day}.`,
      },
      {
        kind: 'paragraph',
        text: 'The people it was promised to are waiting to hear. Say how it is going, add evidence of what was done, or, if the day cannot be kept, say why.',
      },
      { kind: 'action', label: 'Report on the commitment', url: data.link },
    ],
  });
};
