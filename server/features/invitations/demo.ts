import type { AppContext } from '../../platform/context.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import { acceptInvitation } from './accept.ts';
import { createInvitation } from './service.ts';

// The demo's invitations: residents who joined the listening circles by a shared link, under
// names of their choosing, one of them in Spanish; a link still open; and a facilitator
// invited by email who has not answered yet.

const residents = [
  { name: 'Marisol', language: 'es' },
  { name: 'Quiet neighbour', language: 'en' },
  { name: 'D. from Elm Street', language: 'en' },
] as const;

export async function seedInvitationsDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<{ openResidentLink: string }> {
  const { db } = context.database;
  const shared = await createInvitation(context, db, world.communityAdmin, world.community.id, {
    delivery: 'link',
    role: 'resident',
    programId: world.circles.id,
    maxUses: 25,
    expiresInDays: 30,
    language: 'en',
  });
  const link = shared.link ?? '';
  const token = new URL(link).hash.slice(1);
  for (const resident of residents) {
    await acceptInvitation(context.auth, db, { token, ...resident }, null);
  }
  await createInvitation(context, db, world.communityAdmin, world.community.id, {
    delivery: 'email',
    email: 'keisha@peacecircle.example',
    role: 'facilitator',
    programId: world.circles.id,
    language: 'en',
    expiresInDays: 14,
  });
  return { openResidentLink: link };
}
