import { defaultCommunityRules, defaultMisconductRules, type HarmRule } from './names.ts';

// Screening a referral against its program's harm categories. The rules only suggest: the
// coordinator records eligibility with a reason of their own, which the suggested words may
// start. A harm the rules do not name ("other", or a category since removed) is theirs to judge.
// The words are English, as the API answers; pages translate by the verdict and the rule's id.

export type Verdict = 'eligible' | 'not_eligible' | 'unknown';

export interface Screening {
  verdict: Verdict;
  /** The program's rule that decided it; absent when no rule names the harm. */
  rule?: HarmRule;
  reason: string;
}

/** The harm type a referrer chooses when none of the program's categories fits. */
export const OTHER_HARM = 'other';

export function screenReferral(rules: readonly HarmRule[], harmType: string): Screening {
  const rule = harmType === OTHER_HARM ? undefined : rules.find((each) => each.id === harmType);
  if (!rule) {
    return {
      verdict: 'unknown',
      reason:
        'This harm is not one of the program’s categories: the coordinator decides whether a restorative conference fits it.',
    };
  }
  return rule.eligible
    ? {
        verdict: 'eligible',
        rule,
        reason: `“${rule.label}” is eligible for a restorative conference in this program.`,
      }
    : {
        verdict: 'not_eligible',
        rule,
        reason: `“${rule.label}” is not eligible for a restorative conference in this program: the case is routed back.`,
      };
}

/** The rules a new program starts with, its own copy to edit. */
export function defaultRulesFor(misconduct: boolean): HarmRule[] {
  return (misconduct ? defaultMisconductRules : defaultCommunityRules).map((rule) => ({
    ...rule,
  }));
}
