import { z } from 'zod';

// The path parameters of the conferences' routes, as shared/conferences/contract.ts names them.
export const inProgram = z.object({ programId: z.uuid('must be a program id') });
export const inOrganisation = z.object({ organisationId: z.uuid('must be an organisation id') });
export const oneCase = z.object({ id: z.uuid('must be a case id') });
export const caseParty = z.object({
  id: z.uuid('must be a case id'),
  partyId: z.uuid('must be a party id'),
});
export const caseItem = z.object({
  id: z.uuid('must be a case id'),
  itemId: z.uuid('must be an item id'),
});
export const caseMember = z.object({
  id: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
});
export const tags = ['conferences'];
