import type { ItemKind } from '../../../../shared/conferences/names.ts';
import { formatMoney, itemKindWords } from './conference-words.ts';
import {
  type EmailBase,
  formatDay,
  formatMoment,
  type Language,
  layout,
  oneLine,
  type Template,
} from './layout.ts';

export interface ConferenceItemReminderData extends EmailBase {
  /** The case's reference, "RC-4K7Q". */
  reference: string;
  programName: string;
  kind: ItemKind;
  /** The day it falls due, YYYY-MM-DD: the item's, or one restitution payment's. */
  dueOn: string;
  /** 'due_soon': a week or less before the day; 'overdue': the day has passed, still open. */
  notice: 'due_soon' | 'overdue';
  /** The party who answers for the item, or the case's team that follows it. */
  audience: 'responsible' | 'team';
  /** One payment of a restitution's schedule; null for the item as a whole. */
  payment: { amountCents: number; currency: string } | null;
  /** When a meeting item meets; the calendar file is attached. */
  meetingAt: Date | null;
  timeZone: string;
  link: string;
}

function what(data: ConferenceItemReminderData, language: Language): string {
  const kind = itemKindWords[language][data.kind];
  if (!data.payment) return language === 'es' ? `«${kind}»` : `“${kind}”`;
  const amount = formatMoney(data.payment.amountCents, data.payment.currency, language);
  return language === 'es'
    ? `un pago de ${amount} de la reparación`
    : `a restitution payment of ${amount}`;
}

function when(data: ConferenceItemReminderData, language: Language): string {
  return data.meetingAt === null
    ? formatDay(data.dueOn, language)
    : formatMoment(data.meetingAt, language, data.timeZone);
}

// A nudge in the restorative spirit, never a reprimand: the agreement was made together, and
// saying early that something cannot be done on time keeps faith with the person harmed. It
// names the case by its reference and the item by its kind and day, never by its words.
export const conferenceItemReminder: Template<ConferenceItemReminderData> = (data, language) => {
  const reference = oneLine(data.reference);
  const program = oneLine(data.programName);
  const kind = itemKindWords[language][data.kind];
  const overdue = data.notice === 'overdue';
  const item = what(data, language);
  const day = when(data, language);
  if (language === 'es') {
    const owner =
      data.audience === 'responsible' ? 'del que usted se encarga' : 'que su equipo acompaña';
    return layout({
      language,
      subject: overdue
        ? `Vencido en el caso ${reference}: ${kind}`
        : `Se acerca la fecha en el caso ${reference}: ${kind}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: overdue
            ? `En el acuerdo del caso ${reference} de «${program}», ${item}, ${owner}, vencía el ${day} y sigue abierto.`
            : `En el acuerdo del caso ${reference} de «${program}», ${item}, ${owner}, vence el ${day}.`,
        },
        {
          kind: 'paragraph',
          text:
            data.audience === 'responsible'
              ? 'Si ya está hecho, o si no puede cumplirse a tiempo, dígaselo a quien facilita el caso: acompaña el acuerdo con usted.'
              : 'Hable con quien se encarga de ello, registre lo hecho o cierre el punto con su motivo.',
        },
        { kind: 'action', label: 'Ver el acuerdo', url: data.link },
      ],
    });
  }
  const owner =
    data.audience === 'responsible' ? 'which you answer for' : 'which your team follows';
  return layout({
    language,
    subject: overdue
      ? `Overdue in case ${reference}: ${kind}`
      : `Coming due in case ${reference}: ${kind}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: overdue
          ? `In the agreement of case ${reference} in “${program}”, ${item}, ${owner}, was due on ${day} and is still open.`
          : `In the agreement of case ${reference} in “${program}”, ${item}, ${owner}, is due on ${day}.`,
      },
      {
        kind: 'paragraph',
        text:
          data.audience === 'responsible'
            ? 'If it is done, or cannot be done in time, tell the facilitator of the case: they follow the agreement with you.'
            : 'Check in with whoever answers for it, record what was done, or settle it with a reason.',
      },
      { kind: 'action', label: 'See the agreement', url: data.link },
    ],
  });
};
