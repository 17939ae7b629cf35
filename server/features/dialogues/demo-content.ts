import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';

// The words of the demo's dialogue on traffic stops, in English and Spanish as its people wrote
// them, and how each camp tends to vote on each statement. The camps are what the opinion
// groups should find: most residents (and the two others), who see stops on the east side as
// aimed at who is driving; a few residents and the officers, who see them as about road safety.
// Both camps agree on three statements: the common ground.

export type Camp = 'residents' | 'safety' | 'officers';

export interface DemoParticipant {
  name: string;
  neighbourhood: string;
  language: 'en' | 'es';
  role: ParticipantRole;
  camp: Camp;
}

const resident = (
  name: string,
  neighbourhood: string,
  language: 'en' | 'es',
  camp: Camp = 'residents',
): DemoParticipant => ({ name, neighbourhood, language, role: 'resident', camp });

export const demoResidents: DemoParticipant[] = [
  resident('Night-shift nurse', 'Eastgate', 'en'),
  resident('Vecina de la calle Olmo', 'Elm Street', 'es'),
  resident('Jamal', 'Eastgate', 'en'),
  resident('Carlos M.', 'Market Street', 'es'),
  resident('Grandmother of three', 'Riverside Flats', 'en'),
  resident('Mamá de dos', 'Riverside Flats', 'es'),
  resident('Delivery driver', 'Market Street', 'en'),
  resident('Lupita', 'Harbor Hill', 'es'),
  resident('T. Nguyen', 'Market Street', 'en'),
  resident('Don Ernesto', 'Eastgate', 'es'),
  resident('Youth football coach', 'Riverside Flats', 'en'),
  resident('Estudiante de noche', 'Elm Street', 'es'),
  resident('Bike commuter', 'Harbor Hill', 'en'),
  resident('Keisha', 'Eastgate', 'en'),
  resident('Repartidor en bicicleta', 'Market Street', 'es'),
  resident('Retired bus driver', 'Elm Street', 'en'),
  resident('Corner store owner', 'Market Street', 'en', 'safety'),
  resident('Neighbourhood watch', 'Harbor Hill', 'en', 'safety'),
  resident('Rosa P.', 'Elm Street', 'es', 'safety'),
  resident('Crossing guard', 'Eastgate', 'en', 'safety'),
  resident('Dueño del taller', 'Market Street', 'es', 'safety'),
  resident('Parent at Lincoln School', 'Riverside Flats', 'en', 'safety'),
];

export const demoOthers: DemoParticipant[] = [
  {
    name: 'Pastor Williams',
    neighbourhood: 'Eastgate',
    language: 'en',
    role: 'other',
    camp: 'residents',
  },
  {
    name: 'Asesora del concejo',
    neighbourhood: '',
    language: 'es',
    role: 'other',
    camp: 'residents',
  },
];

/** Officers who take part besides the demo's own verified officer, Priya Nair. */
export const demoOfficers = [
  { name: 'Sergeant Marcus Bell', email: 'm.bell@riversidepd.example', language: 'en' },
  { name: 'Officer Ana Torres', email: 'a.torres@riversidepd.example', language: 'es' },
  { name: 'Officer Kevin Liu', email: 'k.liu@riversidepd.example', language: 'en' },
  { name: 'Officer Sarah Kim', email: 's.kim@riversidepd.example', language: 'en' },
  { name: 'Officer Jorge Medina', email: 'j.medina@riversidepd.example', language: 'es' },
] as const;

type Stance = 'A' | 'D' | 'P';

export interface DemoStatement {
  text: string;
  language: 'en' | 'es';
  /** Who wrote it: null for the facilitator's opening statements. */
  author: { role: 'resident' | 'officer' | 'other'; index: number } | null;
  /** How each camp votes; officers may vote one by one. */
  votes: { residents: Stance; safety: Stance; officers: Stance | Stance[] };
}

export const demoStatements: DemoStatement[] = [
  {
    text: 'An officer should say the reason for a stop before asking for license and registration.',
    language: 'en',
    author: null,
    votes: { residents: 'A', safety: 'A', officers: 'A' },
  },
  {
    text: 'Los agentes deberían ofrecer un intérprete, o hablar en español, cuando la persona lo pide.',
    language: 'es',
    author: null,
    votes: { residents: 'A', safety: 'A', officers: 'A' },
  },
  {
    text: 'Most traffic stops on the east side are about road safety.',
    language: 'en',
    author: null,
    votes: { residents: 'D', safety: 'A', officers: 'A' },
  },
  {
    text: 'Body cameras should stay on from the first moment of a stop until the car drives away.',
    language: 'en',
    author: null,
    votes: { residents: 'A', safety: 'A', officers: 'A' },
  },
  {
    text: 'People on the east side get stopped for small things, like a broken tail light, that would be ignored downtown.',
    language: 'en',
    author: { role: 'resident', index: 2 },
    votes: { residents: 'A', safety: 'D', officers: 'D' },
  },
  {
    text: 'Me da miedo que una parada de tráfico termine en preguntas sobre mi situación migratoria.',
    language: 'es',
    author: { role: 'resident', index: 3 },
    votes: { residents: 'A', safety: 'P', officers: 'P' },
  },
  {
    text: "Officers are trained to approach every car as if it could be dangerous, and that can look cold from the driver's seat.",
    language: 'en',
    author: { role: 'officer', index: 1 },
    votes: { residents: 'D', safety: 'A', officers: 'A' },
  },
  {
    text: 'The department should publish the number of stops in each neighbourhood every month.',
    language: 'en',
    author: { role: 'resident', index: 8 },
    votes: { residents: 'A', safety: 'A', officers: ['A', 'A', 'D', 'A', 'D', 'P'] },
  },
  {
    text: 'Más patrullas a pie en la calle Market ayudarían más que más paradas de tráfico.',
    language: 'es',
    author: { role: 'resident', index: 9 },
    votes: { residents: 'A', safety: 'D', officers: 'D' },
  },
  {
    text: 'Cuando detengo a alguien, pedir que mantenga las manos a la vista es por la seguridad de los dos, no una acusación.',
    language: 'es',
    author: { role: 'officer', index: 2 },
    votes: { residents: 'P', safety: 'A', officers: 'A' },
  },
  {
    text: 'Stops late at night on Eastgate Avenue feel like they are about who is driving, not how.',
    language: 'en',
    author: { role: 'resident', index: 13 },
    votes: { residents: 'A', safety: 'D', officers: 'D' },
  },
  {
    text: 'A resident and an officer should review complaints about stops together every three months.',
    language: 'en',
    author: { role: 'other', index: 0 },
    votes: { residents: 'A', safety: 'A', officers: ['A', 'A', 'A', 'A', 'A', 'D'] },
  },
];

/** Waits in the moderation queue: the facilitator has not read it yet. */
export const pendingStatement = {
  text: 'An officer should not search a car without saying what they are looking for.',
  language: 'en' as const,
  author: { role: 'resident' as const, index: 15 },
};

export const officerResponse = {
  /** Priya Nair answers the statement about small things, the fifth. */
  statement: 4,
  text: 'Stopping a car for a tail light is a choice the officer makes. We are checking whether east-side stops for equipment are more frequent than elsewhere, and we will share the figures here.',
};

export const synthesisDraft = `Draft, not yet shared with participants.

Residents and officers agree on three things: an officer should give the reason for a stop before asking for papers; anyone who asks should get an interpreter or an officer who speaks Spanish; and body cameras should stay on for the whole stop.

They see the stops themselves differently: most residents feel that east-side stops are about who is driving, while officers, and some residents, see them as about road safety. Publishing stop figures by neighbourhood had wide support, and is a first step both sides can check.`;

export const demoCommitment = {
  title: 'Give the reason for every traffic stop before asking for papers',
  description:
    'From the east-side dialogue on traffic stops, where residents and officers agreed on it. Patrol adds it to the stop checklist and to the spring in-service training.',
};
