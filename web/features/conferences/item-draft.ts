import type { AddItemBody } from '../../../shared/conferences/contract.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import { instantFrom } from './days.ts';
import type { InstalmentDraft } from './InstalmentsField.tsx';
import { centsFrom } from './money.ts';

// An agreement item as the form holds it while it is typed, and the request it becomes.

export type Answerer = 'party' | 'organisation';

export interface ItemDraft {
  kind: ItemKind | '';
  description: string;
  answerer: Answerer;
  partyId: string;
  organisationId: string;
  dueOn: string;
  verification: string;
  verifierId: string;
  amount: string;
  currency: string;
  instalments: InstalmentDraft[];
  meetingAt: string;
}

export const emptyDraft: ItemDraft = {
  kind: '',
  description: '',
  answerer: 'party',
  partyId: '',
  organisationId: '',
  dueOn: '',
  verification: '',
  verifierId: '',
  amount: '',
  currency: 'USD',
  instalments: [],
  meetingAt: '',
};

/** The request for a draft, sent as typed: the server says what each field needs. */
export function bodyOf(draft: ItemDraft): AddItemBody {
  const restitution =
    draft.kind === 'restitution'
      ? {
          amountCents: centsFrom(draft.amount) ?? undefined,
          currency: draft.currency.trim().toUpperCase(),
          instalments: draft.instalments.map((row) => ({
            dueOn: row.dueOn,
            amountCents: centsFrom(row.amount) ?? undefined,
          })),
        }
      : null;
  return {
    kind: draft.kind || undefined,
    description: draft.description,
    responsible:
      draft.answerer === 'party'
        ? { kind: 'party', partyId: draft.partyId }
        : { kind: 'organisation', organisationId: draft.organisationId },
    dueOn: draft.dueOn,
    verification: draft.verification,
    verifierPersonId: draft.verifierId || null,
    restitution,
    meetingAt: draft.kind === 'meeting' && draft.meetingAt ? instantFrom(draft.meetingAt) : null,
  } as AddItemBody;
}
