import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface ConferencePausedData extends EmailBase {
  /** The case's reference ("RC-4K7Q"): never a party's name. */
  reference: string;
  programName: string;
  /** The case's page, where the team reads more. */
  link: string;
}

// The case team hears at once that someone withdrew their consent, so that no one is brought to
// a conference they no longer agree to. Who withdrew and why stay on the case page: an email is
// easily forwarded and read over a shoulder.
export const conferencePaused: Template<ConferencePausedData> = (data, language) => {
  const reference = oneLine(data.reference);
  const program = oneLine(data.programName);
  if (language === 'es') {
    return layout({
      language,
      subject: `Caso ${reference} en pausa`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `Una de las partes del caso ${reference} de «${program}» retiró su consentimiento, así que el caso queda en pausa: no se programa ni se celebra nada hasta que lo dé de nuevo o deje el caso. Todo lo registrado se conserva.`,
        },
        { kind: 'action', label: 'Abrir el caso', url: data.link },
        { kind: 'note', text: 'Los detalles están en la página del caso, no en este correo.' },
      ],
    });
  }
  return layout({
    language,
    subject: `Case ${reference} is paused`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `A party to case ${reference} of “${program}” withdrew their consent, so the case is paused: nothing is scheduled or held until they give it again or leave the case. Everything recorded so far is kept.`,
      },
      { kind: 'action', label: 'Open the case', url: data.link },
      { kind: 'note', text: 'The details are on the case page, not in this email.' },
    ],
  });
};
