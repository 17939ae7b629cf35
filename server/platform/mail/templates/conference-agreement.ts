import type { ItemKind } from '../../../../shared/conferences/names.ts';
import { itemKindWords } from './conference-words.ts';
import {
  type Block,
  type EmailBase,
  formatDay,
  formatMoment,
  type Language,
  layout,
  oneLine,
  type Template,
} from './layout.ts';

export interface ConferenceAgreementData extends EmailBase {
  /** The case's reference, "RC-4K7Q": what the parties and the team say on the phone. */
  reference: string;
  programName: string;
  /** A party of the case reads what they agreed; its team reads what it now follows. */
  audience: 'party' | 'team';
  items: { kind: ItemKind; dueOn: string; yours: boolean; meetingAt: Date | null }[];
  /** The program's zone (IANA name), for the time of a meeting. */
  timeZone: string;
  /** The reader's page of the case: a party's own part, or the case for its team. */
  link: string;
}

function itemLines(data: ConferenceAgreementData, language: Language): Block[] {
  const words = itemKindWords[language];
  return data.items.map((item) => {
    const due =
      item.meetingAt === null
        ? formatDay(item.dueOn, language)
        : formatMoment(item.meetingAt, language, data.timeZone);
    const yours = item.yours ? (language === 'es' ? ' (a su cargo)' : ' (yours)') : '';
    return { kind: 'paragraph', text: `• ${words[item.kind]}${yours}: ${due}` };
  });
}

const hasMeeting = (data: ConferenceAgreementData) =>
  data.items.some((item) => item.meetingAt !== null);

// Sent when the agreement is confirmed: what was agreed, by kind and day, and where to read it.
// The agreement's words are not in the email: they stay in the case, behind the reader's page.
export const conferenceAgreement: Template<ConferenceAgreementData> = (data, language) => {
  const reference = oneLine(data.reference);
  const program = oneLine(data.programName);
  if (language === 'es') {
    return layout({
      language,
      subject: `Acuerdo confirmado: caso ${reference}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text:
            data.audience === 'party'
              ? `El acuerdo del caso ${reference} de «${program}» está confirmado. Gracias por su parte en él.`
              : `El acuerdo del caso ${reference} de «${program}» está confirmado y pasa a seguimiento.`,
        },
        { kind: 'paragraph', text: 'Lo acordado, con su fecha:' },
        ...itemLines(data, language),
        ...(hasMeeting(data)
          ? [
              {
                kind: 'paragraph' as const,
                text: 'El archivo adjunto añade las reuniones a su calendario.',
              },
            ]
          : []),
        { kind: 'action', label: 'Leer el acuerdo', url: data.link },
        {
          kind: 'note',
          text: 'Por su privacidad, este correo no incluye el texto del acuerdo.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `Agreement confirmed: case ${reference}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text:
          data.audience === 'party'
            ? `The agreement of case ${reference} in “${program}” is confirmed. Thank you for your part in it.`
            : `The agreement of case ${reference} in “${program}” is confirmed and now followed up.`,
      },
      { kind: 'paragraph', text: 'What was agreed, with its day:' },
      ...itemLines(data, language),
      ...(hasMeeting(data)
        ? [
            {
              kind: 'paragraph' as const,
              text: 'The file attached adds the meetings to your calendar.',
            },
          ]
        : []),
      { kind: 'action', label: 'Read the agreement', url: data.link },
      {
        kind: 'note',
        text: 'For your privacy, this email does not include the agreement’s words.',
      },
    ],
  });
};
