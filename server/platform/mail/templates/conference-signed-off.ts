import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface ConferenceSignedOffData extends EmailBase {
  reference: string;
  programName: string;
  stage: 'screening' | 'closure';
  approved: boolean;
  /** The case's page, where the reviewer's comment is. */
  link: string;
}

// Spanish agrees the participle with the noun: "evaluación aprobada", "cierre aprobado".
const SPANISH_SUBJECTS = {
  screening: { approved: 'evaluación inicial aprobada', returned: 'evaluación inicial devuelta' },
  closure: { approved: 'cierre aprobado', returned: 'cierre devuelto' },
} as const;

// The case team learns the oversight reviewer's decision, so that an approved screening moves on
// and a returned one is looked at again. The reviewer's comment stays on the case page.
export const conferenceSignedOff: Template<ConferenceSignedOffData> = (data, language) => {
  const reference = oneLine(data.reference);
  const program = oneLine(data.programName);
  if (language === 'es') {
    const what = data.stage === 'screening' ? 'la evaluación inicial' : 'el cierre';
    const decision = data.approved ? 'aprobó' : 'devolvió';
    return layout({
      language,
      subject: `Caso ${reference}: ${SPANISH_SUBJECTS[data.stage][data.approved ? 'approved' : 'returned']}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `La persona revisora de supervisión ${decision} ${what} del caso ${reference} de «${program}».${
            data.approved && data.stage === 'closure' ? ' El caso está cerrado.' : ''
          }`,
        },
        { kind: 'action', label: 'Abrir el caso', url: data.link },
        { kind: 'note', text: 'Su comentario, si lo dejó, está en la página del caso.' },
      ],
    });
  }
  const what = data.stage === 'screening' ? 'screening' : 'closure';
  return layout({
    language,
    subject: `Case ${reference}: ${what} ${data.approved ? 'approved' : 'returned'}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `The oversight reviewer ${data.approved ? 'approved' : 'returned'} the ${what} of case ${reference} of “${program}”.${
          data.approved && data.stage === 'closure' ? ' The case is closed.' : ''
        }`,
      },
      { kind: 'action', label: 'Open the case', url: data.link },
      { kind: 'note', text: 'Their comment, if they left one, is on the case page.' },
    ],
  });
};
