import { type EmailBase, layout, type Template } from './layout.ts';

export interface ConfirmAddressData extends EmailBase {
  /** Confirms the address; it carries a one-time token. */
  link: string;
  validHours: number;
}

// Someone who joined without an email address gives one, so that they can come back from
// another device. The email proves the address is theirs; someone else may have typed it.
export const confirmAddress: Template<ConfirmAddressData> = (data, language) => {
  if (language === 'es') {
    return layout({
      language,
      subject: 'Confirme su correo en Restorativ',
      preferencesUrl: data.preferencesUrl,
      blocks: [
        { kind: 'paragraph', text: 'Hola:' },
        {
          kind: 'paragraph',
          text: `Confirme esta dirección para poder volver a Restorativ desde otro dispositivo. El enlace es válido durante ${data.validHours} horas.`,
        },
        { kind: 'action', label: 'Confirmar mi correo', url: data.link },
        {
          kind: 'note',
          text: 'Si usted no lo pidió, ignore este correo: nadie podrá usar su dirección.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: 'Confirm your email address for Restorativ',
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: 'Hello,' },
      {
        kind: 'paragraph',
        text: `Confirm this address so that you can come back to Restorativ from another device. The link works for ${data.validHours} hours.`,
      },
      { kind: 'action', label: 'Confirm my address', url: data.link },
      {
        kind: 'note',
        text: 'If you did not ask for this, ignore this email: no one can use your address.',
      },
    ],
  });
};
