import { type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface CircleHarvestData extends EmailBase {
  /** What the circle was for, in the keeper's words. */
  purpose: string;
  programName: string;
  /** The harvest's page, where the participant approves it or comments. */
  link: string;
}

// A notification to the people who sat in a circle: its keeper shared the harvest, and their
// approval (or their comment) decides whether its commitments go on the register as written.
export const circleHarvest: Template<CircleHarvestData> = (data, language) => {
  const purpose = oneLine(data.purpose);
  const program = oneLine(data.programName);
  if (language === 'es') {
    return layout({
      language,
      subject: `La cosecha de su círculo en ${program} está lista para que la lea`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `Quien guió el círculo «${purpose}» escribió su cosecha: los temas que surgieron y los compromisos que se asumieron.`,
        },
        {
          kind: 'paragraph',
          text: 'Léala y apruébela, o diga qué debería cambiar. Los compromisos pasan al registro público de compromisos cuando los participantes la aprueban.',
        },
        { kind: 'action', label: 'Leer la cosecha', url: data.link },
        { kind: 'note', text: 'Participar en la revisión es su decisión.' },
      ],
    });
  }
  return layout({
    language,
    subject: `The harvest of your circle in ${program} is ready for you to read`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `The keeper of the circle “${purpose}” has written its harvest: the themes that came up and the commitments that were made.`,
      },
      {
        kind: 'paragraph',
        text: 'Read it, then approve it or say what should change. Its commitments go on the accountability register once the participants have approved it.',
      },
      { kind: 'action', label: 'Read the harvest', url: data.link },
      { kind: 'note', text: 'Taking part in the review is your choice.' },
    ],
  });
};
