import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { dayIn } from '../../../../shared/commitments/days.ts';
import type { AppContext } from '../../../platform/context.ts';
import { organisations } from '../../organisations/schema.ts';
import { findProgram } from '../../organisations/service.ts';
import { detailOf, headlineOf, linksOf } from './describe.ts';
import { eventById, type PublicEvent } from './events.ts';
import { hrefOf } from './page.ts';
import { publicCommitment } from './query.ts';
import { confirmedFollowers, subscriptionLinks } from './subscriptions.ts';
import { type RegisterLanguage, words } from './words.ts';

// Tells a register's followers about a change to a public commitment: the events one request
// appended (a new status with its evidence, say), in one email. The API queues this job in the
// transaction that appends them; the job reads everything again when it runs, so a
// commitment made private in between is never announced, and nothing of it reaches an email
// that the public page would not show.

export const NOTIFY_SUBSCRIBERS_JOB = 'commitments.notify-subscribers';

export function defineSubscriberNotifications(context: AppContext): void {
  context.jobs.define({
    name: NOTIFY_SUBSCRIBERS_JOB,
    payload: z.object({ eventIds: z.array(z.number().int().positive()).min(1).max(20) }),
    async handler({ eventIds }) {
      await notifySubscribers(context, eventIds);
    },
  });
}

/** What one change says: its headline (the new status, when it has one) and every detail. */
function changeOf(events: PublicEvent[], language: RegisterLanguage) {
  const main = events.find((event) => event.kind === 'status_changed') ?? events[0];
  const lines = events.flatMap((event) => [
    event === main && event.kind !== 'created' ? '' : headlineOf(event, language),
    event.kind === 'created' ? '' : detailOf(event),
    ...linksOf(event).map((link) => link.url),
  ]);
  return {
    change:
      main?.kind === 'created'
        ? words[language].events.newCommitment
        : main
          ? headlineOf(main, language)
          : '',
    detail: lines.filter((line) => line.length > 0).join('\n'),
  };
}

async function notifySubscribers(context: AppContext, eventIds: number[]): Promise<void> {
  const { db } = context.database;
  const found = await Promise.all(eventIds.map((eventId) => eventById(db, eventId)));
  const events = found.filter((event): event is PublicEvent => event !== null);
  const event = events[0];
  if (!event) return;
  const commitment = await publicCommitment(
    db,
    event.commitmentId,
    dayIn(context.config.TIME_ZONE),
  );
  if (!commitment) return;
  const program = await findProgram(db, commitment.programId);
  if (!program) return;
  const followers = await confirmedFollowers(context, {
    programId: program.id,
    organisationIds: program.organisationIds,
  });
  if (followers.length === 0) return;

  const names = new Map<string, string>([[program.id, program.name]]);
  const runners = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, program.organisationIds));
  for (const runner of runners) names.set(runner.id, runner.name);

  // Each address once; a follower of the program itself is told as such, the closest to what
  // they asked for, and its unsubscribe link stops that subscription.
  followers.sort((a, b) => Number(b.scope === 'program') - Number(a.scope === 'program'));
  const seen = new Set<string>();
  const links = subscriptionLinks(context);
  await db.transaction(async (tx) => {
    for (const follower of followers) {
      if (seen.has(follower.addressHash)) continue;
      seen.add(follower.addressHash);
      const { language } = follower;
      const { change, detail } = changeOf(events, language);
      await context.mail.send(
        {
          to: follower.address,
          template: 'register-update',
          language,
          data: {
            placeName: names.get(follower.scopeId) ?? program.name,
            commitmentTitle: commitment.title,
            change,
            detail,
            overdue: commitment.overdue,
            link: `${context.config.publicUrl}${hrefOf(`/register/commitments/${commitment.id}`, language)}`,
          },
          unsubscribeUrl: links.urlFor('unsubscribe', follower.subscriptionId, language),
        },
        { tx },
      );
    }
  });
}
