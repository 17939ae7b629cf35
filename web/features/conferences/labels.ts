import { useTranslation } from 'react-i18next';
import type { StaffChoice } from '../../../shared/conferences/contract.ts';
import { OTHER_HARM } from '../../../shared/conferences/eligibility.ts';
import type { CaseRefusal } from '../../../shared/conferences/machine.ts';
import {
  defaultCommunityRules,
  defaultMisconductRules,
  type HarmRule,
} from '../../../shared/conferences/names.ts';
import { type Role, roles } from '../../../shared/permissions/roles.ts';
import { ApiError } from '../../app/api.ts';
import type { Catalogue } from '../../i18n/en.ts';

// Words that come from the server as ids: harm categories and the workflow's refusals. The
// categories a program starts with are translated; one a coordinator named is shown in its own
// words. A refusal is said in the reader's language by its code, or in the server's words.

/** The harm categories with a translation (the default rule sets, and "other"). */
export const translatedHarms: ReadonlySet<string> = new Set([
  ...defaultMisconductRules.map((rule) => rule.id),
  ...defaultCommunityRules.map((rule) => rule.id),
  OTHER_HARM,
]);

type HarmId = keyof Catalogue['conferences']['harms'];

/**
 * A harm category's name in the reader's language when it is one of the defaults; otherwise the
 * program's own label (from its rules or the server), or the id as a last resort.
 */
export function useHarmLabel(): (
  harmType: string,
  known?: string | readonly Pick<HarmRule, 'id' | 'label'>[],
) => string {
  const { t } = useTranslation();
  return (harmType, known) => {
    if (translatedHarms.has(harmType)) return t(`conferences.harms.${harmType as HarmId}`);
    if (typeof known === 'string') return known;
    return known?.find((rule) => rule.id === harmType)?.label ?? harmType.replaceAll('_', ' ');
  };
}

/** The refusal codes of the workflow (shared/conferences/machine.ts), each translated. */
const refusalCodes: ReadonlySet<string> = new Set<CaseRefusal['code']>([
  'wrong_stage',
  'paused',
  'consent_missing',
  'parties_missing',
  'screening_incomplete',
  'not_eligible',
  'not_safe',
  'sign_off_missing',
  'nothing_to_sign_off',
  'reason_required',
  'reason_too_long',
  'unknown_party',
  'party_exists',
  'already_consented',
  'no_consent_to_withdraw',
  'unknown_item',
  'item_exists',
  'item_settled',
  'item_open',
  'no_items',
  'items_open',
  'outcome_does_not_fit',
  'closure_pending',
]);

/**
 * What a refused step says (409). The server's words are English and name the case's own
 * situation ("Payments are recorded once the agreement is confirmed"), so an English reader
 * reads them as they are; a reader in another language reads the refusal's code in their own
 * words, or the server's when the code is not one the pages know. Undefined for other failures.
 */
export function useRefusalWords(): (error: unknown) => string | undefined {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiError) || error.status !== 409) return undefined;
    const { code, detail } = error.problem ?? {};
    if (detail && i18n.resolvedLanguage === 'en') return detail;
    if (code && refusalCodes.has(code)) {
      return t(`conferences.refusals.${code as CaseRefusal['code']}`);
    }
    return detail ?? t('conferences.refusals.fallback');
  };
}

/** A staff member as a choice reads: "Sam Okafor (Facilitator)". */
export function useStaffLabel(): (person: StaffChoice) => string {
  const { t } = useTranslation();
  return (person) => {
    const held = [...new Set(person.roles)].filter((role): role is Role =>
      (roles as readonly string[]).includes(role),
    );
    if (held.length === 0) return person.name;
    return `${person.name} (${held.map((role) => t(`roles.${role}`)).join(', ')})`;
  };
}
