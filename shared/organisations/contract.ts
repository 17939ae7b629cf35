import { z } from 'zod';

export const organisationKinds = [
  'police_agency',
  'community_organisation',
  'oversight_board',
  'school',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationName = z
  .string()
  .trim()
  .min(2, 'Give the organisation a name of at least 2 characters.')
  .max(120, 'Keep the name under 120 characters.');
