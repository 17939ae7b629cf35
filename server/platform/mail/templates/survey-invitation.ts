import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface SurveyInvitationData extends EmailBase {
  programName: string;
  /** What the person took part in. */
  process: 'circle' | 'conference';
  /** A circle's purpose, in its keeper's words; null for a conference. */
  purpose: string | null;
  /** The page to answer on, with the person's one-use token. */
  link: string;
  /** How many days the link works. */
  days: number;
}

// After a circle or a conference closes, each participant who is not its keeper or facilitator
// is asked how it went: a short survey, anonymous, optional. The email says all three before
// the link, so that no one feels it is owed.
export const surveyInvitation: Template<SurveyInvitationData> = (data, language) => {
  const program = oneLine(data.programName);
  const purpose = data.purpose === null ? null : oneLine(data.purpose);
  if (language === 'es') {
    const what = purpose === null ? 'la conferencia reciente' : `el círculo «${purpose}»`;
    return layout({
      language,
      subject: `¿Cómo le fue? Una encuesta de 2 minutos de ${program}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `Gracias por participar en ${what}. Nos gustaría saber cómo le fue: son unas pocas preguntas y toma unos 2 minutos.`,
        },
        {
          kind: 'paragraph',
          text: 'Sus respuestas son anónimas: nadie del programa puede ver quién respondió qué. Solo se muestran resultados de grupos, nunca de grupos pequeños.',
        },
        { kind: 'action', label: 'Responder la encuesta', url: data.link },
        {
          kind: 'note',
          text: `Responder es voluntario: si prefiere no hacerlo, ignore este correo. El enlace funciona durante ${data.days} días y solo una vez.`,
        },
      ],
    });
  }
  const what = purpose === null ? 'your recent conference' : `the circle “${purpose}”`;
  return layout({
    language,
    subject: `How did it go? A 2-minute survey from ${program}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `Thank you for taking part in ${what}. We would like to know how it went for you: a few questions that take about 2 minutes.`,
      },
      {
        kind: 'paragraph',
        text: 'Your answers are anonymous: no one in the program can see who answered what. Only group results are shown, and never for small groups.',
      },
      { kind: 'action', label: 'Answer the survey', url: data.link },
      {
        kind: 'note',
        text: `Answering is optional: if you would rather not, ignore this email. The link works for ${data.days} days, and once.`,
      },
    ],
  });
};
