import type { CreateSurveyBody, RoleGroup } from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import type { CustomQuestion } from '../../../shared/measurement/survey-definition.ts';
import type { Database } from '../../platform/db/connection.ts';
import { circleParticipants, circles } from '../circles/schema.ts';
import { publicSlugFor } from './public-links.ts';
import { surveyInvitations, surveys } from './schema.ts';
import { newSurveyToken, tokenExpiry } from './tokens.ts';

// Surveys and tokens as tests need them, written straight to the database, without going
// through the routes (which are tested on their own). Every helper returns what it made.

const hour = 3_600_000;

export interface TestSurvey {
  programId: string;
  createdBy: string;
  kind?: SurveyKind;
  /** Sets the dates: open (the default) from an hour ago for a month; closed a day ago. */
  state?: 'upcoming' | 'open' | 'closed';
  title?: Partial<Record<'en' | 'es', string>>;
  items?: string[];
  customQuestions?: CustomQuestion[];
  languages?: ('en' | 'es')[];
  neighbourhoods?: string[];
}

const itemsFor: Record<SurveyKind, string[]> = {
  pulse: ['respect.dignity', 'voice.listens', 'neutrality.fair_decisions', 'motives.cares'],
  after_process: ['respect.in_meeting', 'voice.in_meeting', 'heard.interrupted'],
  training: ['respect.stays_polite', 'safety.de_escalation'],
};

function datesOf(state: TestSurvey['state']) {
  const now = Date.now();
  if (state === 'upcoming') return { opensAt: new Date(now + 24 * hour), closesAt: null };
  if (state === 'closed') {
    return { opensAt: new Date(now - 30 * 24 * hour), closesAt: new Date(now - 24 * hour) };
  }
  return { opensAt: new Date(now - hour), closesAt: new Date(now + 30 * 24 * hour) };
}

export async function insertSurvey(
  db: Database,
  survey: TestSurvey,
): Promise<{ id: string; slug: string | null }> {
  const id = crypto.randomUUID();
  const kind = survey.kind ?? 'pulse';
  const slug = publicSlugFor(kind);
  await db.insert(surveys).values({
    id,
    programId: survey.programId,
    kind,
    title: survey.title ?? { en: 'How safe is Elm Street?', es: '¿Qué tan seguro es Elm Street?' },
    items: survey.items ?? itemsFor[kind],
    customQuestions: survey.customQuestions ?? [],
    languages: survey.languages ?? ['en', 'es'],
    threshold: 10,
    neighbourhoods: survey.neighbourhoods ?? [],
    ...datesOf(survey.state),
    publicSlug: slug,
    createdBy: survey.createdBy,
  });
  return { id, slug };
}

export interface TestInvitation {
  personId?: string | null;
  processKind?: 'circle' | 'conference' | 'training' | null;
  processId?: string | null;
  roleGroup?: RoleGroup | null;
  answered?: boolean;
  expiresAt?: Date;
}

/** A token for the survey, mailed to a person or started from a pulse's link. */
export async function insertInvitation(
  db: Database,
  surveyId: string,
  invitation: TestInvitation = {},
): Promise<{ id: string; token: string }> {
  const id = crypto.randomUUID();
  const { token, tokenHash } = newSurveyToken();
  await db.insert(surveyInvitations).values({
    id,
    surveyId,
    tokenHash,
    personId: invitation.personId ?? null,
    processKind: invitation.processKind ?? null,
    processId: invitation.processId ?? null,
    roleGroup: invitation.roleGroup ?? null,
    answered: invitation.answered ?? false,
    sentOn: new Date().toISOString().slice(0, 10),
    expiresAt: invitation.expiresAt ?? tokenExpiry(),
  });
  return { id, token };
}

/** A pulse as a coordinator sets it up, in English and Spanish, with a question of its own. */
export function surveyBody(overrides: Partial<CreateSurveyBody> = {}): CreateSurveyBody {
  return {
    kind: 'pulse',
    title: { en: 'How safe is Elm Street?', es: '¿Qué tan seguro es Elm Street?' },
    items: ['respect.dignity', 'voice.listens', 'neutrality.fair_decisions', 'motives.cares'],
    customQuestions: [
      {
        type: 'single_choice',
        id: 'lighting',
        prompt: {
          en: 'Is the street well lit at night?',
          es: '¿La calle está bien iluminada de noche?',
        },
        options: [
          { id: 'yes', label: { en: 'Yes', es: 'Sí' } },
          { id: 'no', label: { en: 'No', es: 'No' } },
        ],
        required: false,
      },
    ],
    languages: ['en', 'es'],
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    neighbourhoods: ['Elm Street', 'Riverside'],
    ...overrides,
  };
}

/** A circle of the program that met and closed at `closedAt`, kept by `keeperId`. */
export async function insertClosedCircle(
  db: Database,
  circle: {
    programId: string;
    keeperId: string;
    purpose: string;
    closedAt: Date;
    /** A conference's online room, or a training's practice circle. */
    conference?: boolean;
    training?: boolean;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(circles).values({
    id,
    programId: circle.programId,
    purpose: circle.purpose,
    startsAt: new Date(circle.closedAt.getTime() - 2 * hour),
    timeZone: 'UTC',
    keeperId: circle.keeperId,
    capacity: 20,
    language: 'en',
    status: 'closed',
    openedAt: new Date(circle.closedAt.getTime() - 2 * hour),
    closedAt: circle.closedAt,
    conference: circle.conference ?? false,
    training: circle.training ?? false,
    createdBy: circle.keeperId,
  });
  return id;
}

/** A seat in a circle, as someone who agreed to the guidelines takes it. */
export async function insertSeat(
  db: Database,
  circleId: string,
  seat: {
    personId: string;
    role: 'keeper' | 'co_keeper' | 'officer' | 'resident' | 'other';
    language?: 'en' | 'es';
  },
): Promise<void> {
  await db.insert(circleParticipants).values({
    id: crypto.randomUUID(),
    circleId,
    personId: seat.personId,
    displayName: `Seat ${seat.role}`,
    role: seat.role,
    language: seat.language ?? 'en',
    guidelinesVersion: 1,
  });
}
