import type { Role } from '../../../../shared/permissions/roles.ts';
import { type EmailBase, type Language, layout, oneLine, type Template } from './layout.ts';

export interface RoleGrantedData extends EmailBase {
  role: Role;
  /** The program, or the organisation for a role held across it. */
  placeName: string;
  /** Their account page, where they see every role they hold. */
  link: string;
}

const roleNames: Record<Language, Record<Role, string>> = {
  en: {
    org_admin: 'organisation admin',
    coordinator: 'coordinator',
    facilitator: 'facilitator',
    officer: 'officer',
    oversight_reviewer: 'oversight reviewer',
    professional_standards: 'professional standards',
    resident: 'participant',
    youth: 'young participant',
    guardian: 'guardian',
  },
  es: {
    org_admin: 'administrador de la organización',
    coordinator: 'coordinador',
    facilitator: 'facilitador',
    officer: 'agente',
    oversight_reviewer: 'revisor de supervisión',
    professional_standards: 'asuntos internos',
    resident: 'participante',
    youth: 'participante joven',
    guardian: 'tutor',
  },
};

// A notification: someone was given a role. Optional, so it follows the reader's choice of
// at once, daily digest or none.
export const roleGranted: Template<RoleGrantedData> = (data, language) => {
  const role = roleNames[language][data.role];
  const place = oneLine(data.placeName);
  if (language === 'es') {
    return layout({
      language,
      subject: `Ahora es ${role} en ${place}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        { kind: 'paragraph', text: `Le han dado el rol de ${role} en «${place}» en Restorativ.` },
        { kind: 'action', label: 'Ver su cuenta', url: data.link },
        {
          kind: 'note',
          text: 'Si cree que es un error, hable con quien coordina el programa.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `You are now ${role} in ${place}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `You have been given the role of ${role} in “${place}” on Restorativ.`,
      },
      { kind: 'action', label: 'See your account', url: data.link },
      {
        kind: 'note',
        text: 'If you think this is a mistake, talk to whoever coordinates the program.',
      },
    ],
  });
};
