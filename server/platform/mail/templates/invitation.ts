import type { StaffRole } from '../../../../shared/permissions/roles.ts';
import {
  type Block,
  type EmailBase,
  formatMoment,
  type Language,
  layout,
  oneLine,
  type Template,
} from './layout.ts';

export interface InvitationData extends EmailBase {
  /** The person who sent the invitation, as the reader knows them. */
  inviterName: string;
  /** What the reader is invited to: the program, or the organisation for a role across it. */
  programName: string;
  /** Where the reader accepts; it carries the invitation's token. */
  link: string;
  expiresAt: Date;
  /** The program's time zone (IANA name), so the expiry reads as local time; UTC by default. */
  timeZone?: string;
  /** For staff, the role they are invited to; absent for residents, youth and guardians. */
  staffRole?: StaffRole;
}

const STAFF_ROLE_NAMES: Record<Language, Record<StaffRole, string>> = {
  en: {
    org_admin: 'an organisation admin',
    coordinator: 'a coordinator',
    facilitator: 'a facilitator',
    officer: 'an officer',
    oversight_reviewer: 'an oversight reviewer',
    professional_standards: 'professional standards',
  },
  es: {
    org_admin: 'administración de la organización',
    coordinator: 'coordinación',
    facilitator: 'facilitación',
    officer: 'agente de policía',
    oversight_reviewer: 'revisión independiente',
    professional_standards: 'asuntos internos',
  },
};

// Residents need no account and may take any name, and taking part is voluntary: their email
// says all three, because those are what make people feel safe to come. Staff reach what
// residents entrust to a program, so theirs says they will choose a password and set up an
// authenticator app, and why.
function invitationBlocks(data: InvitationData, language: Language): Block[] {
  const inviter = oneLine(data.inviterName);
  const program = oneLine(data.programName);
  const until = formatMoment(data.expiresAt, language, data.timeZone);
  const role = data.staffRole && STAFF_ROLE_NAMES[language][data.staffRole];
  if (language === 'es') {
    return [
      { kind: 'paragraph', text: 'Hola:' },
      role
        ? {
            kind: 'paragraph',
            text: `${inviter} le invita a sumarse a «${program}» en Restorativ, con el rol de ${role}.`,
          }
        : {
            kind: 'paragraph',
            text: `${inviter} le invita a participar en «${program}» en Restorativ.`,
          },
      role
        ? {
            kind: 'paragraph',
            text: 'Las cuentas del personal protegen lo que residentes y agentes confían al programa. Por eso, usted elegirá una contraseña y después configurará una aplicación de autenticación en su teléfono, que le dará un código cada vez que inicie sesión. Si ya tiene una cuenta en Restorativ, inicie sesión con ella y luego acepte.',
          }
        : {
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
        text: role
          ? 'Si no esperaba esta invitación, puede ignorar este correo: no se crea ninguna cuenta sin usted.'
          : 'Participar es su decisión. Si no esperaba esta invitación, puede ignorar este correo.',
      },
    ];
  }
  return [
    { kind: 'paragraph', text: 'Hello,' },
    {
      kind: 'paragraph',
      text: role
        ? `${inviter} has invited you to join “${program}” on Restorativ as ${role}.`
        : `${inviter} has invited you to join “${program}” on Restorativ.`,
    },
    {
      kind: 'paragraph',
      text: role
        ? 'Staff accounts protect what residents and officers entrust to the program. So you will choose a password, and then set up an authenticator app on your phone, which gives you a code each time you sign in. If you already have a Restorativ account, sign in with it first, then accept.'
        : 'You do not need an account or a password. When you join, you choose the name others see; it does not have to be your real name.',
    },
    { kind: 'action', label: 'Accept the invitation', url: data.link },
    {
      kind: 'paragraph',
      text: `The link works until ${until}. It is meant for you only, so please do not forward it.`,
    },
    {
      kind: 'note',
      text: role
        ? 'If you did not expect this invitation, you can ignore this email: no account is made without you.'
        : 'Taking part is your choice. If you did not expect this invitation, you can ignore this email.',
    },
  ];
}

export const invitation: Template<InvitationData> = (data, language) => {
  const inviter = oneLine(data.inviterName);
  const program = oneLine(data.programName);
  return layout({
    language,
    subject:
      language === 'es'
        ? `${inviter} le invita a participar en ${program}`
        : `${inviter} invited you to join ${program}`,
    preferencesUrl: data.preferencesUrl,
    blocks: invitationBlocks(data, language),
  });
};
