import {
  type Block,
  type EmailBase,
  formatMoment,
  type Language,
  layout,
  oneLine,
  type Template,
} from './layout.ts';

export interface CircleInvitationData extends EmailBase {
  /** Who sent the invitation, as the reader knows them. */
  inviterName: string;
  keeperName: string;
  programName: string;
  /** What the circle is for, in the planner's words. */
  purpose: string;
  startsAt: Date;
  durationMinutes: number;
  /** The circle's zone (IANA name): the reader sees the local time the circle was planned in. */
  timeZone: string;
  /** The reader's own page before joining; it carries their token. */
  link: string;
  /** For a circle of a series: how many circles the invitation covers, and the last one. */
  series: { count: number; lastStartsAt: Date } | null;
}

// What makes people feel safe to come: what a circle is, that the name is theirs to choose, that
// nothing is recorded without everyone, and that coming (and staying) is their choice.
function blocks(data: CircleInvitationData, language: Language): Block[] {
  const inviter = oneLine(data.inviterName);
  const keeper = oneLine(data.keeperName);
  const program = oneLine(data.programName);
  const purpose = oneLine(data.purpose);
  const when = formatMoment(data.startsAt, language, data.timeZone);
  const last = data.series && formatMoment(data.series.lastStartsAt, language, data.timeZone);
  if (language === 'es') {
    return [
      { kind: 'paragraph', text: 'Hola:' },
      {
        kind: 'paragraph',
        text: `${inviter} le invita a un círculo restaurativo de «${program}»: ${purpose}`,
      },
      {
        kind: 'paragraph',
        text: `Cuándo: ${when}, durante ${data.durationMinutes} minutos. Lo guía ${keeper}, que cuida de que cada persona sea escuchada.`,
      },
      ...(data.series && last
        ? [
            {
              kind: 'paragraph' as const,
              text: `Es el primero de ${data.series.count} círculos; el último es el ${last}. El archivo de calendario adjunto los incluye todos.`,
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: 'En un círculo se habla de a una persona, con una pieza de la palabra, mientras las demás escuchan. Usted elige el nombre que verán los demás; no tiene que ser su nombre real. No se graba nada sin el acuerdo de todas las personas.',
      },
      { kind: 'action', label: 'Ver el círculo y unirse', url: data.link },
      {
        kind: 'paragraph',
        text: 'El enlace es solo para usted: por favor, no lo reenvíe. El archivo adjunto añade el círculo a su calendario.',
      },
      {
        kind: 'note',
        text: 'Participar es su decisión, y puede salir en cualquier momento. Si no esperaba esta invitación, puede ignorar este correo.',
      },
    ];
  }
  return [
    { kind: 'paragraph', text: 'Hello,' },
    {
      kind: 'paragraph',
      text: `${inviter} invites you to a restorative circle of “${program}”: ${purpose}`,
    },
    {
      kind: 'paragraph',
      text: `When: ${when}, for ${data.durationMinutes} minutes. ${keeper} keeps the circle, making sure that everyone is heard.`,
    },
    ...(data.series && last
      ? [
          {
            kind: 'paragraph' as const,
            text: `It is the first of ${data.series.count} circles; the last is on ${last}. The calendar file attached holds them all.`,
          },
        ]
      : []),
    {
      kind: 'paragraph',
      text: 'In a circle, people speak one at a time, holding a talking piece, while the others listen. You choose the name others see; it does not have to be your real name. Nothing is recorded unless everyone agrees.',
    },
    { kind: 'action', label: 'See the circle and join', url: data.link },
    {
      kind: 'paragraph',
      text: 'The link is meant for you only, so please do not forward it. The file attached adds the circle to your calendar.',
    },
    {
      kind: 'note',
      text: 'Taking part is your choice, and you may leave at any time. If you did not expect this invitation, you can ignore this email.',
    },
  ];
}

export const circleInvitation: Template<CircleInvitationData> = (data, language) => {
  const purpose = oneLine(data.purpose);
  return layout({
    language,
    subject:
      language === 'es'
        ? `Invitación a un círculo: ${purpose}`
        : `Invitation to a circle: ${purpose}`,
    preferencesUrl: data.preferencesUrl,
    blocks: blocks(data, language),
  });
};
