import { z } from 'zod';

// The words of conferences that the database, the API and the pages share.

export const urgencies = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** Who refers a case: an agency, a school, a community organisation or the person harmed. */
export const referrerKinds = [
  'agency',
  'school',
  'community_organisation',
  'person_harmed',
  'other',
] as const;
export type ReferrerKind = (typeof referrerKinds)[number];

/** Which side speaks first in the conference's script. */
export const scriptOrders = ['harmed_first', 'responsible_first'] as const;
export type ScriptOrder = (typeof scriptOrders)[number];

/** The case team: a lead facilitator and co-facilitators. */
export const teamRoles = ['lead', 'facilitator'] as const;
export type TeamRole = (typeof teamRoles)[number];

/** The confidential writings of a case; none ever reaches an agency's disciplinary roles. */
export const recordKinds = ['preparation', 'statement', 'note', 'check_in'] as const;
export type RecordKind = (typeof recordKinds)[number];

export const itemKinds = [
  'apology',
  'restitution',
  'service_hours',
  'officer_training',
  'policy_review',
  'meeting',
  'other',
] as const;
export type ItemKind = (typeof itemKinds)[number];

export const RULE_LABEL_MAX = 120;

/** One harm category of a program's screening: eligible for a conference, or not. */
export const harmRuleShape = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9_]{2,40}$/, 'Use 2 to 40 lower-case letters, digits or underscores.'),
  label: z
    .string()
    .trim()
    .min(2, 'Name the category.')
    .max(RULE_LABEL_MAX, `Keep the name under ${RULE_LABEL_MAX} characters.`),
  eligible: z.boolean(),
});
export type HarmRule = z.infer<typeof harmRuleShape>;

/**
 * The rule set a misconduct program starts with, which its coordinators may edit: conduct that
 * a restorative conference can repair, and conduct that belongs to discipline or the courts.
 * Labels are English; the pages translate the ids they know.
 */
export const defaultMisconductRules: readonly HarmRule[] = [
  { id: 'discourtesy', label: 'Discourtesy', eligible: true },
  { id: 'biased_language', label: 'Biased language', eligible: true },
  { id: 'miscommunication', label: 'Miscommunication', eligible: true },
  { id: 'failure_to_explain', label: 'Failure to explain', eligible: true },
  { id: 'minor_procedural', label: 'Minor procedural issues', eligible: true },
  { id: 'excessive_force', label: 'Excessive force', eligible: false },
  { id: 'pending_criminal_charges', label: 'Pending criminal charges', eligible: false },
  { id: 'corruption', label: 'Corruption', eligible: false },
  { id: 'sexual_misconduct', label: 'Sexual misconduct', eligible: false },
];

/** The rule set of any other program: harms a community conference commonly hears. */
export const defaultCommunityRules: readonly HarmRule[] = [
  { id: 'property_damage', label: 'Property damage', eligible: true },
  { id: 'theft', label: 'Theft', eligible: true },
  { id: 'neighbourhood_conflict', label: 'Neighbourhood conflict', eligible: true },
  { id: 'harassment', label: 'Harassment', eligible: true },
  { id: 'assault_serious', label: 'Serious assault', eligible: false },
  { id: 'domestic_violence', label: 'Domestic or intimate-partner violence', eligible: false },
];
