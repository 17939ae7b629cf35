import { type EmailBase, layout, type Template } from './layout.ts';

export interface MagicLinkData extends EmailBase {
  /** The sign-in link; it carries a one-time token. */
  link: string;
  validMinutes: number;
}

// A sign-in link that someone asked for. Someone else may have typed the reader's address, so
// the email says plainly that it can be ignored.
export const magicLink: Template<MagicLinkData> = (data, language) => {
  const minutes = data.validMinutes;
  if (language === 'es') {
    return layout({
      language,
      subject: 'Su enlace para iniciar sesión en Restorativ',
      preferencesUrl: data.preferencesUrl,
      blocks: [
        { kind: 'paragraph', text: 'Hola:' },
        {
          kind: 'paragraph',
          text: `Use este enlace para iniciar sesión en Restorativ. Es válido durante ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`,
        },
        { kind: 'action', label: 'Iniciar sesión', url: data.link },
        {
          kind: 'note',
          text: 'Si usted no lo pidió, ignore este correo: su cuenta sigue igual.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: 'Your sign-in link for Restorativ',
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: 'Hello,' },
      {
        kind: 'paragraph',
        text: `Use this link to sign in to Restorativ. It works for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
      },
      { kind: 'action', label: 'Sign in', url: data.link },
      {
        kind: 'note',
        text: 'If you did not ask for this, ignore this email: your account stays as it was.',
      },
    ],
  });
};
