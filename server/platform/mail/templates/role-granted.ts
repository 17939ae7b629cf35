import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface RoleGrantedData extends EmailBase {
  /** The role as the reader's language names it, e.g. "facilitator" or "facilitador". */
  roleName: string;
  /** The program, or the organisation for a role held across it. */
  placeName: string;
  /** Their account page, where they see every role they hold. */
  link: string;
}

// A notification: someone was given a role. Optional, so it follows the reader's choice of
// at once, daily digest or none.
export const roleGranted: Template<RoleGrantedData> = (data, language) => {
  const role = oneLine(data.roleName);
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
