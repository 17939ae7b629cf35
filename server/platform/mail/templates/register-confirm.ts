import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface RegisterConfirmData extends EmailBase {
  /** The organisation or program whose commitments the reader asked to follow. */
  placeName: string;
  /** Opens a page with a button that confirms; following it alone changes nothing. */
  link: string;
  validDays: number;
}

// Someone asked to follow a public register of commitments by email. Someone else may have
// typed the address, so nothing is sent until the reader confirms, and the email says so.
export const registerConfirm: Template<RegisterConfirmData> = (data, language) => {
  const place = oneLine(data.placeName);
  if (language === 'es') {
    return layout({
      language,
      subject: `Confirme que quiere seguir los compromisos de ${place}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        { kind: 'paragraph', text: 'Hola:' },
        {
          kind: 'paragraph',
          text: `Alguien pidió recibir un correo cada vez que cambie un compromiso de «${place}». Si fue usted, confírmelo. El enlace es válido durante ${data.validDays} días.`,
        },
        { kind: 'action', label: 'Confirmar', url: data.link },
        {
          kind: 'note',
          text: 'Si usted no lo pidió, ignore este correo: no le enviaremos nada más.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `Confirm that you want to follow the commitments of ${place}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: 'Hello,' },
      {
        kind: 'paragraph',
        text: `Someone asked for an email each time a commitment of “${place}” changes. If that was you, please confirm. The link works for ${data.validDays} days.`,
      },
      { kind: 'action', label: 'Confirm', url: data.link },
      {
        kind: 'note',
        text: 'If you did not ask for this, ignore this email: we will send you nothing more.',
      },
    ],
  });
};
