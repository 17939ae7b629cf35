import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface RegisterUpdateData extends EmailBase {
  /** The organisation or program the reader follows. */
  placeName: string;
  commitmentTitle: string;
  /** What happened, already in the reader's language: "Status: Done". */
  change: string;
  /** The reason or the evidence given with it, in the words of whoever wrote it; may be empty. */
  detail: string;
  /** Still open after its due day: said in words, as everywhere the register shows it. */
  overdue: boolean;
  /** The commitment's public page. */
  link: string;
}

// A change to a public commitment, for someone who confirmed they follow its register. The
// footer offers to stop these emails (the layout's unsubscribe link), not the preferences.
export const registerUpdate: Template<RegisterUpdateData> = (data, language) => {
  const place = oneLine(data.placeName);
  const title = oneLine(data.commitmentTitle);
  const change = oneLine(data.change);
  const detail = data.detail.trim();
  if (language === 'es') {
    return layout({
      language,
      subject: `${change}: ${title}`,
      preferencesUrl: data.preferencesUrl,
      unsubscribeUrl: data.unsubscribeUrl,
      blocks: [
        { kind: 'paragraph', text: `Novedad en un compromiso de «${place}»:` },
        { kind: 'paragraph', text: `${title}. ${change}.` },
        ...(detail ? [{ kind: 'paragraph' as const, text: detail }] : []),
        ...(data.overdue
          ? [{ kind: 'paragraph' as const, text: 'Vencido: ya pasó su fecha de vencimiento.' }]
          : []),
        { kind: 'action', label: 'Ver el compromiso', url: data.link },
        {
          kind: 'note',
          text: `Recibe este correo porque confirmó que quería seguir los compromisos de «${place}».`,
        },
      ],
    });
  }
  return layout({
    language,
    subject: `${change}: ${title}`,
    preferencesUrl: data.preferencesUrl,
    unsubscribeUrl: data.unsubscribeUrl,
    blocks: [
      { kind: 'paragraph', text: `News of a commitment of “${place}”:` },
      { kind: 'paragraph', text: `${title}. ${change}.` },
      ...(detail ? [{ kind: 'paragraph' as const, text: detail }] : []),
      ...(data.overdue
        ? [{ kind: 'paragraph' as const, text: 'Overdue: its due day has passed.' }]
        : []),
      { kind: 'action', label: 'See the commitment', url: data.link },
      {
        kind: 'note',
        text: `You get this email because you confirmed that you follow the commitments of “${place}”.`,
      },
    ],
  });
};
