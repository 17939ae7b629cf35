import {
  type Block,
  type EmailBase,
  formatMoment,
  type Language,
  layout,
  oneLine,
  type Template,
} from './layout.ts';

export interface ConferenceScheduledData extends EmailBase {
  programName: string;
  reference: string;
  startsAt: Date;
  /** The program's zone (IANA name): the reader sees the local time it was set in. */
  timeZone: string;
  mode: 'in_person' | 'online';
  /** Where it meets in person; empty online. */
  place: string;
  /** A party's own page, or the case's page for its team. */
  link: string;
  /** A party hears that taking part is still their choice; the team needs no such word. */
  reader: 'party' | 'team';
}

// The conference's time and place, and a calendar file. An online conference meets in its room
// (a circle in conference mode), which each reader enters from the page the button opens.
function blocks(data: ConferenceScheduledData, language: Language): Block[] {
  const program = oneLine(data.programName);
  const reference = oneLine(data.reference);
  const place = oneLine(data.place);
  const when = formatMoment(data.startsAt, language, data.timeZone);
  if (language === 'es') {
    return [
      {
        kind: 'paragraph',
        text: `La conferencia restaurativa de «${program}» (caso ${reference}) ya tiene fecha.`,
      },
      { kind: 'paragraph', text: `Cuándo: ${when}.` },
      {
        kind: 'paragraph',
        text:
          data.mode === 'online'
            ? 'Dónde: en línea, en una sala privada solo para las personas de este caso. La conversación es por escrito: cada persona habla por turno, escribiendo, cuando le llega la pieza de la palabra. Entre en la sala desde la página de abajo cuando sea la hora.'
            : `Dónde: ${place}.`,
      },
      ...(data.reader === 'party'
        ? [
            {
              kind: 'paragraph' as const,
              text: 'La persona facilitadora estará con usted y guiará la conversación. Participar sigue siendo su decisión: puede retirar su consentimiento en cualquier momento desde su página.',
            },
          ]
        : []),
      {
        kind: 'action',
        label: data.reader === 'party' ? 'Abrir su parte del caso' : 'Abrir el caso',
        url: data.link,
      },
      { kind: 'note', text: 'El archivo adjunto añade la conferencia a su calendario.' },
    ];
  }
  return [
    {
      kind: 'paragraph',
      text: `The restorative conference of “${program}” (case ${reference}) is scheduled.`,
    },
    { kind: 'paragraph', text: `When: ${when}.` },
    {
      kind: 'paragraph',
      text:
        data.mode === 'online'
          ? 'Where: online, in a private room for the people of this case alone. The conversation is written: each person speaks in turn, by typing, when the talking piece reaches them. Come into the room from the page below when it is time.'
          : `Where: ${place}.`,
    },
    ...(data.reader === 'party'
      ? [
          {
            kind: 'paragraph' as const,
            text: 'Your facilitator will be there with you and will guide the conversation. Taking part is still your choice: you may withdraw your consent at any time on your page.',
          },
        ]
      : []),
    {
      kind: 'action',
      label: data.reader === 'party' ? 'Open your part of the case' : 'Open the case',
      url: data.link,
    },
    { kind: 'note', text: 'The file attached adds the conference to your calendar.' },
  ];
}

export const conferenceScheduled: Template<ConferenceScheduledData> = (data, language) =>
  layout({
    language,
    subject:
      language === 'es'
        ? `Conferencia restaurativa: ${formatMoment(data.startsAt, language, data.timeZone)}`
        : `Restorative conference: ${formatMoment(data.startsAt, language, data.timeZone)}`,
    preferencesUrl: data.preferencesUrl,
    blocks: blocks(data, language),
  });
