import { type EmailBase, formatMoment, layout, oneLine, type Template } from './layout.ts';

export interface InvitationData extends EmailBase {
  /** The person who sent the invitation, as the reader knows them. */
  inviterName: string;
  programName: string;
  /** Where the reader accepts; it carries the invitation's token. */
  link: string;
  expiresAt: Date;
  /** The program's time zone (IANA name), so the expiry reads as local time; UTC by default. */
  timeZone?: string;
}

// An invitation to a program. Residents need no account and may take any name, and taking part
// is voluntary: the email says all three, because those are what make people feel safe to come.
export const invitation: Template<InvitationData> = (data, language) => {
  const inviter = oneLine(data.inviterName);
  const program = oneLine(data.programName);
  const until = formatMoment(data.expiresAt, language, data.timeZone);
  if (language === 'es') {
    return layout({
      language,
      subject: `${inviter} le invita a participar en ${program}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        { kind: 'paragraph', text: 'Hola:' },
        {
          kind: 'paragraph',
          text: `${inviter} le invita a participar en «${program}» en Restorativ.`,
        },
        {
          kind: 'paragraph',
          text: 'No necesita una cuenta ni una contraseña. Al entrar, usted elige el nombre que verán los demás; no tiene que ser su nombre real.',
        },
        { kind: 'action', label: 'Aceptar la invitación', url: data.link },
        {
          kind: 'paragraph',
          text: `El enlace es válido hasta el ${until}. Es solo para usted: por favor, no lo reenvíe.`,
        },
        {
          kind: 'note',
          text: 'Participar es su decisión. Si no esperaba esta invitación, puede ignorar este correo.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `${inviter} invited you to join ${program}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: 'Hello,' },
      { kind: 'paragraph', text: `${inviter} has invited you to join “${program}” on Restorativ.` },
      {
        kind: 'paragraph',
        text: 'You do not need an account or a password. When you join, you choose the name others see; it does not have to be your real name.',
      },
      { kind: 'action', label: 'Accept the invitation', url: data.link },
      {
        kind: 'paragraph',
        text: `The link works until ${until}. It is meant for you only, so please do not forward it.`,
      },
      {
        kind: 'note',
        text: 'Taking part is your choice. If you did not expect this invitation, you can ignore this email.',
      },
    ],
  });
};
