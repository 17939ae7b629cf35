// Only a verified officer is shown as an officer (the badge the pages show). A display name
// must not do it either: "Officer Díaz" chosen by someone else would put words in the mouth of
// the police, or hide a resident's voice behind one. English and Spanish titles, as people
// write them, with or without accents and full stops.

/** Words that name the police wherever they appear in a name. */
const policeWords = new Set([
  'officer',
  'police',
  'policeman',
  'policewoman',
  'cop',
  'trooper',
  'sheriff',
  'sergeant',
  'sgt',
  'lieutenant',
  'detective',
  'policia',
  'oficial',
  'agente',
  'sargento',
  'teniente',
]);

/** Titles that name the police when a name starts with them ("Chief Ramos", "Lt. Ortiz"). */
const leadingTitles = new Set([
  'ofc',
  'lt',
  'det',
  'capt',
  'cpt',
  'captain',
  'capitan',
  'chief',
  'deputy',
  'commander',
  'cmdr',
  'comandante',
  'inspector',
  'inspectora',
  'jefe',
  'jefa',
  'cabo',
]);

const wordsOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0);

/** Whether a chosen name would present its holder as police. */
export function claimsPoliceTitle(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0) return false;
  return leadingTitles.has(words[0] ?? '') || words.some((word) => policeWords.has(word));
}

export const POLICE_TITLE_MESSAGE =
  'Only verified officers are shown as officers. Choose a name without a police title.';
export const POLICE_TITLE_CODE = 'police_title';
