import { circleCancelled } from './circle-cancelled.ts';
import { circleHarvest } from './circle-harvest.ts';
import { circleInvitation } from './circle-invitation.ts';
import { circleReminder } from './circle-reminder.ts';
import { commitmentReminder } from './commitment-reminder.ts';
import { conferenceAgreement } from './conference-agreement.ts';
import { conferenceAssigned } from './conference-assigned.ts';
import { conferenceItemReminder } from './conference-item-reminder.ts';
import { conferencePartyLink } from './conference-party-link.ts';
import { conferencePaused } from './conference-paused.ts';
import { conferenceReferral } from './conference-referral.ts';
import { conferenceScheduled } from './conference-scheduled.ts';
import { conferenceSignedOff } from './conference-signed-off.ts';
import { confirmAddress } from './confirm-address.ts';
import { dailyDigest } from './daily-digest.ts';
import { invitation } from './invitation.ts';
import type { Language, RenderedEmail, Template } from './layout.ts';
import { magicLink } from './magic-link.ts';
import { mentoringPaired } from './mentoring-paired.ts';
import { registerConfirm } from './register-confirm.ts';
import { registerUpdate } from './register-update.ts';
import { roleGranted } from './role-granted.ts';
import { surveyInvitation } from './survey-invitation.ts';
import { trainingReminder } from './training-reminder.ts';
import { youthConcernRaised } from './youth-concern.ts';
import { youthConsentAnswered, youthConsentRequest } from './youth-consent.ts';

export type { CircleCancelledData } from './circle-cancelled.ts';
export type { CircleHarvestData } from './circle-harvest.ts';
export type { CircleInvitationData } from './circle-invitation.ts';
export type { CircleReminderData } from './circle-reminder.ts';
export type { CommitmentReminderData } from './commitment-reminder.ts';
export type { ConferenceAgreementData } from './conference-agreement.ts';
export type { ConferenceAssignedData } from './conference-assigned.ts';
export type { ConferenceItemReminderData } from './conference-item-reminder.ts';
export type { ConferencePartyLinkData } from './conference-party-link.ts';
export type { ConferencePausedData } from './conference-paused.ts';
export type { ConferenceReferralData } from './conference-referral.ts';
export type { ConferenceScheduledData } from './conference-scheduled.ts';
export type { ConferenceSignedOffData } from './conference-signed-off.ts';
export type { ConfirmAddressData } from './confirm-address.ts';
export type { DailyDigestData } from './daily-digest.ts';
export type { InvitationData } from './invitation.ts';
export type { Language, RenderedEmail } from './layout.ts';
export type { MagicLinkData } from './magic-link.ts';
export type { MentoringPairedData } from './mentoring-paired.ts';
export type { RegisterConfirmData } from './register-confirm.ts';
export type { RegisterUpdateData } from './register-update.ts';
export type { RoleGrantedData } from './role-granted.ts';
export type { SurveyInvitationData } from './survey-invitation.ts';
export type { TrainingReminderData } from './training-reminder.ts';
export type { YouthConcernRaisedData } from './youth-concern.ts';
export type { YouthConsentAnsweredData, YouthConsentRequestData } from './youth-consent.ts';

/** Every email Restorativ sends, by the name stored with each message in the outbox. */
export const templates = {
  invitation,
  'magic-link': magicLink,
  'role-granted': roleGranted,
  'daily-digest': dailyDigest,
  'confirm-address': confirmAddress,
  'commitment-reminder': commitmentReminder,
  'register-confirm': registerConfirm,
  'register-update': registerUpdate,
  'circle-harvest': circleHarvest,
  'circle-invitation': circleInvitation,
  'circle-reminder': circleReminder,
  'circle-cancelled': circleCancelled,
  'conference-referral': conferenceReferral,
  'conference-assigned': conferenceAssigned,
  'conference-agreement': conferenceAgreement,
  'conference-item-reminder': conferenceItemReminder,
  'conference-party-link': conferencePartyLink,
  'conference-paused': conferencePaused,
  'conference-scheduled': conferenceScheduled,
  'conference-signed-off': conferenceSignedOff,
  'survey-invitation': surveyInvitation,
  'training-reminder': trainingReminder,
  'youth-consent-request': youthConsentRequest,
  'youth-consent-answered': youthConsentAnswered,
  'mentoring-paired': mentoringPaired,
  'youth-concern-raised': youthConcernRaised,
} as const;

/**
 * Essential emails go at once whatever the reader chose: they were asked for (a sign-in link),
 * are expected (an invitation, and word that a circle one was asked to will not meet) or are
 * the digest itself. A paused conference case is essential to its team: no one may be brought
 * to a conference they withdrew from. A register's updates count as essential too: the reader
 * asked for exactly these by confirming, and each carries its own one-click link to stop them. Notifications
 * follow the reader's choice: at once, in the daily digest, or not at all.
 */
export const templateCategories = {
  invitation: 'essential',
  'magic-link': 'essential',
  'daily-digest': 'essential',
  'confirm-address': 'essential',
  'register-confirm': 'essential',
  'register-update': 'essential',
  'role-granted': 'notification',
  'commitment-reminder': 'notification',
  'circle-harvest': 'notification',
  'circle-invitation': 'essential',
  'circle-reminder': 'notification',
  'circle-cancelled': 'essential',
  'conference-referral': 'notification',
  'conference-assigned': 'notification',
  // The parties and the team expect word that the agreement they made is confirmed.
  'conference-agreement': 'essential',
  'conference-item-reminder': 'notification',
  'conference-party-link': 'essential',
  'conference-paused': 'essential',
  'conference-scheduled': 'essential',
  'conference-signed-off': 'notification',
  // Optional to answer, so it follows the reader's choice; "my surveys" keeps it either way.
  'survey-invitation': 'notification',
  // "My training" holds every course and certificate either way.
  'training-reminder': 'notification',
  // A young person cannot take part until their guardian answers; the answer is confirmed with
  // the link where it is withdrawn.
  'youth-consent-request': 'essential',
  'youth-consent-answered': 'essential',
  // The pair's page lists it either way.
  'mentoring-paired': 'notification',
  // A young person's safety may hang on it: the lead is told at once, whatever they chose.
  'youth-concern-raised': 'essential',
} as const satisfies Record<keyof typeof templates, 'essential' | 'notification'>;

export type TemplateName = keyof typeof templates;
export type TemplateData<Name extends TemplateName> = Parameters<(typeof templates)[Name]>[0];

export function renderEmail<Name extends TemplateName>(
  name: Name,
  data: TemplateData<Name>,
  language: Language,
): RenderedEmail {
  return (templates[name] as Template<TemplateData<Name>>)(data, language);
}
