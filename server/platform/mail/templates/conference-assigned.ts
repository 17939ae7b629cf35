import type { TeamRole } from '../../../../shared/conferences/names.ts';
import { type EmailBase, type Language, layout, oneLine, type Template } from './layout.ts';

export interface ConferenceAssignedData extends EmailBase {
  reference: string;
  role: TeamRole;
  programName: string;
  /** The case's page. */
  link: string;
}

const roleWords: Record<Language, Record<TeamRole, string>> = {
  en: { lead: 'lead facilitator', facilitator: 'co-facilitator' },
  es: { lead: 'facilitador principal', facilitator: 'cofacilitador' },
};

// A facilitator hears that a case is now theirs. As with every email about a case, it names
// the case by its reference only: what happened is read on Restorativ, once signed in.
export const conferenceAssigned: Template<ConferenceAssignedData> = (data, language) => {
  const reference = oneLine(data.reference);
  const program = oneLine(data.programName);
  const role = roleWords[language][data.role];
  if (language === 'es') {
    return layout({
      language,
      subject: `Le asignaron el caso ${reference}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `Ahora forma parte del equipo del caso ${reference} de «${program}», como ${role}.`,
        },
        { kind: 'action', label: 'Abrir el caso', url: data.link },
        {
          kind: 'note',
          text: 'Por confidencialidad, este correo no dice nada más del caso. Si cree que es un error, hable con quien coordina el programa.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `You were assigned case ${reference}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `You are now on the team of case ${reference} in “${program}”, as ${role}.`,
      },
      { kind: 'action', label: 'Open the case', url: data.link },
      {
        kind: 'note',
        text: 'To keep it confidential, this email says nothing more about the case. If you think this is a mistake, talk to whoever coordinates the program.',
      },
    ],
  });
};
