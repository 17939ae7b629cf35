import { eq } from 'drizzle-orm';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { SIGN_IN_LINK_MINUTES } from '../../../shared/profile/contract.ts';
import type { Database } from '../db/connection.ts';
import type { MailService } from '../mail/service.ts';
import type { SignInLink } from './auth.ts';
import { people } from './schema.ts';

/**
 * Emails a one-time sign-in link in the language the person chose. Only people who may sign in
 * by link get one: anyone can type any address, and Restorativ must not email strangers; staff
 * sign in with their password and second factor instead. The request is answered the same
 * either way, so no one learns who has an account.
 */
export function signInLinkSender(
  db: Database,
  mail: MailService,
  isStaff: (personId: string) => Promise<boolean>,
) {
  return async ({ email, url }: SignInLink): Promise<void> => {
    const [person] = await db
      .select({ id: people.id, language: people.language, disabledAt: people.disabledAt })
      .from(people)
      .where(eq(people.email, email.toLowerCase()));
    // A resident who joined by link has a placeholder address that no mail can reach.
    if (!person || person.disabledAt || isPlaceholderEmail(email)) return;
    // Staff sign in with their password and second factor; a link would skip the second.
    if (await isStaff(person.id)) return;
    await mail.send({
      to: email,
      template: 'magic-link',
      language: person?.language === 'es' ? 'es' : 'en',
      data: { link: url, validMinutes: SIGN_IN_LINK_MINUTES },
    });
  };
}
