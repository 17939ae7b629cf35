import { z } from 'zod';
import type { supportedLanguages } from '../about/contract.ts';
import {
  languageField as language,
  writtenWords as required,
  wordsUpTo as words,
} from '../about/text-fields.ts';
import { calendarDay } from '../commitments/contract.ts';
import {
  type CaseCommandType,
  type CaseEventType,
  type CaseStage,
  type ItemStatus,
  type Outcome,
  outcomes,
  type PartyRole,
  partyRoles,
  REASON_MAX,
} from './machine.ts';
import {
  type HarmRule,
  harmRuleShape,
  type ItemKind,
  itemKinds,
  type RecordKind,
  type ReferrerKind,
  recordKinds,
  referrerKinds,
  type ScriptOrder,
  scriptOrders,
  type TeamRole,
  teamRoles,
  type Urgency,
  urgencies,
} from './names.ts';

// The conferences' HTTP API. Who reaches what (server/features/conferences/access.ts):
// the case team (its assigned facilitators and the program's coordinators) sees a case; each
// party sees their own preparation, their consent and the agreement; the referrer's status link
// shows the outcome only; an oversight reviewer sees what they sign off, never statements; the
// agency of a misconduct program sees accepted or declined, the items it owes and completion,
// and its disciplinary roles never read a statement, note or preparation record (the firewall).
// A case outside one's reach is not found (404): that a case exists is itself confidential.
//
// A program's conferences (coordinators):
//   GET  /api/programs/:programId/conference-settings        ConferenceSettings
//   PUT  /api/programs/:programId/conference-settings        saveSettingsBody -> ConferenceSettings
//   POST /api/programs/:programId/conference-settings/referral-link  -> ReferralLink (a new one)
//   GET  /api/programs/:programId/conferences                CaseSummary[] (the board; ?stage=)
//   GET  /api/programs/:programId/conference-overdue         OverdueItem[]
//   GET  /api/programs/:programId/conference-outcomes.csv    de-identified outcomes
//   GET  /api/programs/:programId/conference-people          StaffChoice[] (team and verifiers)
// Referral (no account):
//   POST /api/conference-referral/preview                    { token } -> ReferralForm
//   POST /api/conference-referral                            referralBody -> ReferralReceipt
//   POST /api/conference-referral/status                     { token } -> ReferralStatus
// A case (its team):
//   GET  /api/conferences/:id                                CaseDetail (reading it is audited)
//   POST /api/conferences/:id/transitions                    caseCommandBody -> CaseDetail | 409
//   POST /api/conferences/:id/team                           assignTeamBody;  DELETE .../team/:personId
//   POST /api/conferences/:id/parties                        addPartyBody -> AddedParty
//   POST /api/conferences/:id/parties/:partyId/remove        reasonBody
//   POST /api/conferences/:id/parties/:partyId/link          -> PartyLink (a new one)
//   POST /api/conferences/:id/parties/:partyId/consent       recordConsentBody (given on paper)
//   POST /api/conferences/:id/parties/:partyId/withdraw      reasonBody
//   GET  /api/conferences/:id/records                        CaseRecord[] (audited)
//   POST /api/conferences/:id/records                        addRecordBody -> CaseRecord
//   POST /api/conferences/:id/schedule                       scheduleBody -> CaseDetail | 409
//   GET  /api/conferences/:id/script?language=               Script
//   GET  /api/conferences/:id/calendar.ics                   the conference, for the team
//   POST /api/conferences/:id/items                          addItemBody -> AgreementItem
//   POST /api/conferences/:id/items/:itemId/remove           reasonBody
//   POST /api/conferences/:id/items/:itemId/settle           settleItemBody
//   POST /api/conferences/:id/items/:itemId/reopen           reasonBody
//   POST /api/conferences/:id/items/:itemId/payments         paymentBody -> AgreementItem
//   POST /api/conferences/:id/items/:itemId/publish          publishItemBody (needs the parties' consent)
// Oversight reviewers:
//   GET  /api/programs/:programId/conference-sign-offs       SignOffRequest[]
//   GET  /api/conferences/:id/oversight                      OversightView
//   POST /api/conferences/:id/sign-off                       signOffBody -> OversightView | 409
// The agency (firewalled):
//   GET  /api/organisations/:organisationId/conferences      AgencyCase[]
// Parties:
//   POST /api/conference-party/preview                       { token } -> PartyLinkPreview
//   POST /api/conference-party                               acceptPartyLinkBody -> { conferenceId }
//                                                            (signs a person without an account in)
//   GET  /api/conferences/mine                               MyCase[]
//   GET  /api/conferences/:id/my-part                        PartyView
//   POST /api/conferences/:id/my-part/consent                giveConsentBody
//   POST /api/conferences/:id/my-part/withdraw               reasonBody
//   POST /api/conferences/:id/my-part/items/:itemId/publication-consent

export const SUMMARY_MAX = 4_000;
export const PEOPLE_INVOLVED_MAX = 2_000;
export const NAME_MAX = 120;
export const CONTACT_MAX = 200;
export const RECORD_MAX = 8_000;
export const ITEM_TEXT_MAX = 2_000;
export const PLACE_MAX = 300;
export const RULES_MAX = 40;
export const INSTALMENTS_MAX = 60;
/** Restitution is recorded, not collected: an amount above this is a typing mistake. */
export const AMOUNT_MAX_CENTS = 10_000_000;

const linkToken = z.object({ token: z.string().min(16).max(128) });

export const reasonBody = z.object({ reason: words(REASON_MAX, 'the reason').default('') });

// --- Settings and referral ---------------------------------------------------------------------

export const saveSettingsBody = z.object({
  misconduct: z.boolean(),
  /** Required for a misconduct program: the agency the firewall keeps out. */
  agencyOrganisationId: z.uuid('Choose the police agency.').nullable().default(null),
  rules: z
    .array(harmRuleShape)
    .max(RULES_MAX, `Keep to ${RULES_MAX} categories.`)
    .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, {
      message: 'Each category needs its own id.',
    }),
  scriptOrder: z.enum(scriptOrders, { error: 'Choose who speaks first.' }),
});
export type SaveSettingsBody = z.input<typeof saveSettingsBody>;

export interface ConferenceSettings {
  programId: string;
  misconduct: boolean;
  agencyOrganisationId: string | null;
  rules: HarmRule[];
  scriptOrder: ScriptOrder;
  hasReferralLink: boolean;
}

export interface ReferralLink {
  /** The public form's address; the token is in its fragment, never sent to the server in a URL. */
  url: string;
}

export const referralPreviewBody = linkToken;
export interface ReferralForm {
  programName: string;
  organisationName: string;
  misconduct: boolean;
  /** The harm categories to choose from, and "other". */
  harmTypes: { id: string; label: string }[];
}

export const referralBody = z.object({
  token: z.string().min(16).max(128),
  referrerKind: z.enum(referrerKinds, { error: 'Say who is making the referral.' }),
  referrerOrganisation: words(NAME_MAX, 'the organisation’s name').default(''),
  referrerName: required(NAME_MAX, 'your name'),
  /** An email address or a phone number, so that the team can reach the referrer. */
  referrerContact: required(CONTACT_MAX, 'how we can reach you'),
  incidentSummary: required(SUMMARY_MAX, 'what happened'),
  incidentOn: calendarDay.nullable().default(null),
  harmType: z
    .string({ error: 'Choose the kind of harm.' })
    .min(1, 'Choose the kind of harm.')
    .max(40),
  peopleInvolved: words(PEOPLE_INVOLVED_MAX, 'who was involved').default(''),
  urgency: z.enum(urgencies, { error: 'Say how urgent this is.' }),
  language: language.default('en'),
});
export type ReferralBody = z.input<typeof referralBody>;

export interface ReferralReceipt {
  reference: string;
  /** Where the referrer follows the case's outcome; shown once. */
  statusUrl: string;
}

export const referralStatusBody = linkToken;
/** What a referrer sees: that the case is received, in progress, or closed, and its outcome. */
export interface ReferralStatus {
  reference: string;
  programName: string;
  receivedAt: string;
  state: 'received' | 'in_progress' | 'closed';
  outcome: Outcome | null;
  /** Shown only when the case was routed back: why a conference is not the way. */
  routedBackReason: string | null;
}

// --- The board and a case ---------------------------------------------------------------------

export interface CaseSummary {
  id: string;
  reference: string;
  stage: CaseStage;
  paused: boolean;
  misconduct: boolean;
  harmType: string;
  urgency: Urgency;
  referrerKind: ReferrerKind;
  team: { personId: string; name: string; role: TeamRole }[];
  /** Parties by role and consent: "2 of 3 consented". */
  parties: { total: number; consented: number };
  items: { open: number; overdue: number };
  startsAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseParty {
  id: string;
  role: PartyRole;
  name: string;
  language: (typeof supportedLanguages)[number];
  hasAccount: boolean;
  supportsPartyId: string | null;
  consent: { status: 'none' | 'given' | 'withdrawn'; version: string | null; at: string | null };
  removed: boolean;
}

export interface TimelineEntry {
  id: number;
  type: CaseEventType;
  at: string;
  byName: string | null;
  /** The event's own fields: stage, outcome, party, item, approved. */
  data: Record<string, unknown>;
  /** A reason or comment, when the event had one. */
  words: string | null;
}

export interface AgreementItem {
  id: string;
  kind: ItemKind;
  description: string;
  responsible:
    | { kind: 'party'; partyId: string; name: string }
    | { kind: 'organisation'; organisationId: string; name: string };
  dueOn: string;
  verification: string;
  verifier: { personId: string; name: string } | null;
  status: ItemStatus;
  overdue: boolean;
  restitution: {
    amountCents: number;
    currency: string;
    paidCents: number;
    instalments: { dueOn: string; amountCents: number }[];
    payments: { id: string; paidOn: string; amountCents: number }[];
  } | null;
  meetingAt: string | null;
  /** Which parties agreed to publish it de-identified, and whether it is on the register. */
  publication: { consentedPartyIds: string[]; commitmentId: string | null };
}

export interface CaseDetail {
  id: string;
  programId: string;
  programName: string;
  reference: string;
  stage: CaseStage;
  paused: boolean;
  misconduct: boolean;
  harmType: string;
  harmLabel: string;
  urgency: Urgency;
  incidentOn: string | null;
  referral: {
    kind: ReferrerKind;
    organisation: string;
    name: string;
    contact: string;
    summary: string;
    peopleInvolved: string;
    receivedAt: string;
  };
  eligibility: { eligible: boolean; reason: string } | null;
  safety: { safe: boolean; voluntary: boolean } | null;
  signOff: {
    screening: { approved: boolean; comment: string } | null;
    closure: { approved: boolean; comment: string } | null;
  };
  pendingClosure: { outcome: Outcome; reason: string } | null;
  outcome: { outcome: Outcome; reason: string } | null;
  conference: {
    startsAt: string;
    mode: 'in_person' | 'online';
    place: string | null;
    circleId: string | null;
  } | null;
  team: { personId: string; name: string; role: TeamRole }[];
  parties: CaseParty[];
  items: AgreementItem[];
  timeline: TimelineEntry[];
  /** The commands the workflow would take now, so that pages offer only those. */
  allowed: CaseCommandType[];
  /** Whether the viewer may change the case (a team member) or only read it. */
  canChange: boolean;
}

/** The workflow commands sent as they are; others have their own routes. */
export const caseCommandBody = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('begin_screening') }),
    z.object({
      type: z.literal('record_eligibility'),
      eligible: z.boolean({ error: 'Say whether the case is eligible.' }),
      reason: required(REASON_MAX, 'the reason'),
    }),
    z.object({
      type: z.literal('record_safety'),
      safe: z.boolean({ error: 'Say whether a conference would be safe.' }),
      voluntary: z.boolean({ error: 'Say whether every party takes part of their own will.' }),
    }),
    z.object({ type: z.literal('accept') }),
    z.object({ type: z.literal('route_back'), reason: required(REASON_MAX, 'the reason') }),
    z.object({ type: z.literal('record_held') }),
    z.object({ type: z.literal('begin_agreement') }),
    z.object({ type: z.literal('confirm_agreement') }),
    z.object({
      type: z.literal('close'),
      outcome: z.enum(outcomes, { error: 'Choose the outcome.' }),
      reason: words(REASON_MAX, 'the reason').default(''),
    }),
    z.object({ type: z.literal('reopen'), reason: required(REASON_MAX, 'the reason') }),
  ],
  { error: 'Choose a step of the workflow.' },
);
export type CaseCommandBody = z.input<typeof caseCommandBody>;

/** A refused step: 409 with the workflow's code and its words. */
export interface CaseRefusalProblem {
  code: string;
  detail: string;
}

export const assignTeamBody = z.object({
  personId: z.uuid('Choose a facilitator.'),
  role: z.enum(teamRoles, { error: 'Choose lead or co-facilitator.' }),
});

export interface StaffChoice {
  personId: string;
  name: string;
  roles: string[];
}

export const addPartyBody = z.object({
  role: z.enum(partyRoles, { error: 'Choose the party’s role.' }),
  name: required(NAME_MAX, 'the party’s name'),
  email: z
    .email('Give an email address, or leave it empty.')
    .max(CONTACT_MAX)
    .nullable()
    .default(null),
  language: language.default('en'),
  supportsPartyId: z.uuid().nullable().default(null),
  /** A person already here (an officer named as the responsible party). */
  personId: z.uuid().nullable().default(null),
});
export type AddPartyBody = z.input<typeof addPartyBody>;

export interface PartyLink {
  /** The party's own address into the case; the token is in the fragment. Shown once. */
  url: string;
}
export interface AddedParty {
  party: CaseParty;
  link: PartyLink | null;
}

export const recordConsentBody = z.object({
  version: z.string().min(1).max(20),
  language,
  signature: required(NAME_MAX, 'the typed name'),
});

export const addRecordBody = z.object({
  kind: z.enum(recordKinds, { error: 'Choose what you are recording.' }),
  partyId: z.uuid().nullable().default(null),
  itemId: z.uuid().nullable().default(null),
  heldOn: calendarDay.nullable().default(null),
  body: required(RECORD_MAX, 'the record'),
});
export type AddRecordBody = z.input<typeof addRecordBody>;

export interface CaseRecord {
  id: string;
  kind: RecordKind;
  partyId: string | null;
  itemId: string | null;
  heldOn: string | null;
  body: string;
  writtenBy: string;
  createdAt: string;
}

export const scheduleBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true, error: 'Give a date and time.' }),
    mode: z.enum(['in_person', 'online'], { error: 'Choose in person or online.' }),
    place: words(PLACE_MAX, 'the place').default(''),
  })
  .refine((body) => body.mode === 'online' || body.place !== '', {
    path: ['place'],
    message: 'Say where the conference meets.',
  });
export type ScheduleBody = z.input<typeof scheduleBody>;

export interface ScriptStep {
  /** Who speaks, or 'facilitator' for the facilitator's own words. */
  speaker: PartyRole | 'facilitator';
  heading: string;
  questions: string[];
}
export interface Script {
  language: (typeof supportedLanguages)[number];
  order: ScriptOrder;
  steps: ScriptStep[];
}

// --- The agreement -----------------------------------------------------------------------------

const cents = z
  .number({ error: 'Give an amount.' })
  .int('Give the amount in cents.')
  .positive('Give an amount above zero.')
  .max(AMOUNT_MAX_CENTS, 'This amount is too large.');

export const addItemBody = z
  .object({
    kind: z.enum(itemKinds, { error: 'Choose the kind of item.' }),
    description: required(ITEM_TEXT_MAX, 'what is agreed'),
    responsible: z.discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('party'), partyId: z.uuid('Choose a party.') }),
        z.object({
          kind: z.literal('organisation'),
          organisationId: z.uuid('Choose an organisation.'),
        }),
      ],
      { error: 'Choose who answers for the item.' },
    ),
    dueOn: calendarDay,
    verification: required(ITEM_TEXT_MAX, 'how completion is verified'),
    verifierPersonId: z.uuid().nullable().default(null),
    restitution: z
      .object({
        amountCents: cents,
        currency: z.string().regex(/^[A-Z]{3}$/, 'Give a currency such as USD.'),
        instalments: z
          .array(z.object({ dueOn: calendarDay, amountCents: cents }))
          .max(INSTALMENTS_MAX, `Keep to ${INSTALMENTS_MAX} payments.`)
          .default([]),
      })
      .nullable()
      .default(null),
    meetingAt: z.iso
      .datetime({ offset: true, error: 'Give a date and time.' })
      .nullable()
      .default(null),
  })
  .refine((item) => (item.kind === 'restitution') === (item.restitution !== null), {
    path: ['restitution'],
    message: 'Restitution, and only restitution, has an amount.',
  })
  .refine(
    (item) =>
      item.restitution === null ||
      item.restitution.instalments.length === 0 ||
      item.restitution.instalments.reduce((sum, part) => sum + part.amountCents, 0) ===
        item.restitution.amountCents,
    { path: ['restitution', 'instalments'], message: 'The payments must add up to the amount.' },
  );
export type AddItemBody = z.input<typeof addItemBody>;

export const settleItemBody = z.object({
  status: z.enum(['done', 'not_done'], { error: 'Say whether it was done.' }),
  reason: words(REASON_MAX, 'the reason').default(''),
});

export const paymentBody = z.object({ paidOn: calendarDay, amountCents: cents });

export const publishItemBody = z.object({
  publicTitle: required(160, 'a title that names no one'),
  publicDescription: words(1_000, 'the description').default(''),
});

export interface OverdueItem {
  conferenceId: string;
  reference: string;
  itemId: string;
  kind: ItemKind;
  dueOn: string;
  responsibleName: string;
}

// --- Oversight and the agency -------------------------------------------------------------------

export const signOffBody = z
  .object({
    stage: z.enum(['screening', 'closure'], { error: 'Choose what you sign off.' }),
    approved: z.boolean({ error: 'Approve or return it.' }),
    comment: words(REASON_MAX, 'your comment').default(''),
  })
  .refine((body) => body.approved || body.comment !== '', {
    path: ['comment'],
    message: 'Say why you return it.',
  });
export type SignOffBody = z.input<typeof signOffBody>;

export interface SignOffRequest {
  conferenceId: string;
  reference: string;
  stage: 'screening' | 'closure';
  since: string;
}

/** What an oversight reviewer reads: decisions and their reasons, never statements or notes. */
export interface OversightView {
  id: string;
  reference: string;
  stage: CaseStage;
  harmType: string;
  harmLabel: string;
  eligibility: { eligible: boolean; reason: string } | null;
  safety: { safe: boolean; voluntary: boolean } | null;
  signOff: CaseDetail['signOff'];
  pendingClosure: CaseDetail['pendingClosure'];
  outcome: CaseDetail['outcome'];
  items: { kind: ItemKind; dueOn: string; status: ItemStatus }[];
  awaiting: 'screening' | 'closure' | null;
}

/** What the agency of a misconduct program sees of a case about its officers. */
export interface AgencyCase {
  reference: string;
  decision: 'pending' | 'accepted' | 'declined';
  stage: CaseStage;
  outcome: Outcome | null;
  /** The items the agency itself owes. */
  owed: { kind: ItemKind; description: string; dueOn: string; status: ItemStatus }[];
  items: { total: number; done: number };
}

// --- Parties ------------------------------------------------------------------------------------

export const partyPreviewBody = linkToken;
export interface PartyLinkPreview {
  programName: string;
  role: PartyRole;
  language: (typeof supportedLanguages)[number];
}

export const acceptPartyLinkBody = z.object({
  token: z.string().min(16).max(128),
  language: language.default('en'),
});

export interface MyCase {
  id: string;
  reference: string;
  programName: string;
  role: PartyRole;
  stage: CaseStage;
  startsAt: string | null;
}

/** What a party sees: their own preparation, their consent, and the agreement once made. */
export interface PartyView {
  id: string;
  reference: string;
  programName: string;
  role: PartyRole;
  stage: CaseStage;
  paused: boolean;
  conference: CaseDetail['conference'];
  consent: CaseParty['consent'];
  /** The consent text to show, and its version, in the party's language. */
  consentText: {
    version: string;
    language: (typeof supportedLanguages)[number];
    paragraphs: string[];
  };
  preparation: { id: string; heldOn: string | null; body: string }[];
  /** Agreement items once the agreement is being written; empty before. */
  items: AgreementItem[];
  /** The party's own consents to publish items. */
  publicationConsents: string[];
}

export const giveConsentBody = z.object({
  version: z.string().min(1).max(20),
  language,
  signature: required(NAME_MAX, 'your name as your signature'),
});
export type GiveConsentBody = z.input<typeof giveConsentBody>;
