import type { EmailFrequency } from '../../../shared/preferences/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connection.ts';
import { InvalidError } from '../../platform/errors.ts';
import {
  frequencyOf,
  maskedAddress,
  type PreferencesTokens,
  setFrequency,
} from '../../platform/mail/preferences.ts';

/** The address a preferences link names; a link that is not ours is a 400 on its token. */
export function addressOfLink(tokens: PreferencesTokens, token: string): string {
  const address = tokens.addressOf(token);
  if (!address) {
    throw new InvalidError([
      {
        field: 'token',
        message: 'This link is not valid. Open the link in your most recent email from us.',
      },
    ]);
  }
  return address;
}

export async function preferencesOfLink(db: Database, tokens: PreferencesTokens, token: string) {
  const address = addressOfLink(tokens, token);
  return { frequency: await frequencyOf(db, address), maskedEmail: maskedAddress(address) };
}

/**
 * Records a new choice. Changes from a link name no person (the link may have been forwarded),
 * so the audit trail keeps the choice and no address.
 */
export async function changeFrequency(
  db: Database,
  address: string,
  frequency: EmailFrequency,
  by: { personId: string } | { link: true; oneClick?: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    await setFrequency(tx, address, frequency);
    await recordAudit(
      db,
      {
        actorKind: 'personId' in by ? 'person' : 'anonymous',
        actorId: 'personId' in by ? by.personId : null,
        organisationId: null,
        action: 'email_preferences.changed',
        targetType: 'email_preferences',
        targetId: 'personId' in by ? by.personId : 'link',
        outcome: 'succeeded',
        details: {
          frequency,
          via: 'personId' in by ? 'account' : by.oneClick ? 'one-click' : 'link',
        },
      },
      tx,
    );
  });
}
