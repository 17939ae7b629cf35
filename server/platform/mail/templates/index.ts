import { invitation } from './invitation.ts';
import type { Language, RenderedEmail, Template } from './layout.ts';
import { magicLink } from './magic-link.ts';

export type { InvitationData } from './invitation.ts';
export type { Language, RenderedEmail } from './layout.ts';
export type { MagicLinkData } from './magic-link.ts';

/** Every email Restorativ sends, by the name stored with each message in the outbox. */
export const templates = {
  invitation,
  'magic-link': magicLink,
} as const;

export type TemplateName = keyof typeof templates;
export type TemplateData<Name extends TemplateName> = Parameters<(typeof templates)[Name]>[0];

export function renderEmail<Name extends TemplateName>(
  name: Name,
  data: TemplateData<Name>,
  language: Language,
): RenderedEmail {
  return (templates[name] as Template<TemplateData<Name>>)(data, language);
}
