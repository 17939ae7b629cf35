import { describe, expect, it } from 'vitest';
import { defaultRulesFor, screenReferral } from './eligibility.ts';
import { apply, decide, fold, REASON_MAX } from './machine.ts';
import { defaultCommunityRules, defaultMisconductRules, RULE_LABEL_MAX } from './names.ts';

const misconductRules = defaultRulesFor(true);

describe('screening a referral against the program’s rules', () => {
  it('finds the conduct a misconduct program hears, and the conduct it sends elsewhere', () => {
    const verdicts = Object.fromEntries(
      [
        'discourtesy',
        'biased_language',
        'miscommunication',
        'failure_to_explain',
        'minor_procedural',
        'excessive_force',
        'pending_criminal_charges',
        'corruption',
        'sexual_misconduct',
      ].map((harm) => [harm, screenReferral(misconductRules, harm).verdict]),
    );
    expect(verdicts).toEqual({
      discourtesy: 'eligible',
      biased_language: 'eligible',
      miscommunication: 'eligible',
      failure_to_explain: 'eligible',
      minor_procedural: 'eligible',
      excessive_force: 'not_eligible',
      pending_criminal_charges: 'not_eligible',
      corruption: 'not_eligible',
      sexual_misconduct: 'not_eligible',
    });
  });

  it('says in words why, naming the category', () => {
    expect(screenReferral(misconductRules, 'excessive_force')).toEqual({
      verdict: 'not_eligible',
      rule: { id: 'excessive_force', label: 'Excessive force', eligible: false },
      reason:
        '“Excessive force” is not eligible for a restorative conference in this program: the case is routed back.',
    });
    expect(screenReferral(misconductRules, 'discourtesy').reason).toBe(
      '“Discourtesy” is eligible for a restorative conference in this program.',
    );
  });

  it('leaves “other” and categories the program does not have to the coordinator', () => {
    for (const harm of ['other', 'theft', '']) {
      const screening = screenReferral(misconductRules, harm);
      expect(screening.verdict, harm).toBe('unknown');
      expect(screening.rule, harm).toBeUndefined();
      expect(screening.reason).toMatch(/coordinator decides/);
    }
    // "other" is the referrer's own choice, even if a program named a category so.
    const withOther = [...misconductRules, { id: 'other', label: 'Other', eligible: true }];
    expect(screenReferral(withOther, 'other').verdict).toBe('unknown');
  });

  it('follows the rules as the coordinator edited them', () => {
    const edited = defaultRulesFor(true).map((rule) =>
      rule.id === 'minor_procedural'
        ? { ...rule, label: 'Search procedure', eligible: false }
        : rule,
    );
    edited.push({ id: 'traffic_stop_tone', label: 'Tone during a traffic stop', eligible: true });
    expect(screenReferral(edited, 'minor_procedural')).toMatchObject({
      verdict: 'not_eligible',
      reason: expect.stringContaining('“Search procedure”'),
    });
    expect(screenReferral(edited, 'traffic_stop_tone').verdict).toBe('eligible');
  });

  it('gives words the workflow takes as the reason to route a case back', () => {
    const label = 'x'.repeat(RULE_LABEL_MAX);
    const { reason } = screenReferral([{ id: 'long', label, eligible: false }], 'long');
    expect(reason.length).toBeLessThanOrEqual(REASON_MAX);

    let state = fold([
      { type: 'referred', misconduct: false, at: '2026-11-02T09:00:00Z', by: 'c' },
    ]);
    const stamp = { at: '2026-11-02T10:00:00Z', by: 'c' };
    for (const command of [
      { type: 'begin_screening' },
      { type: 'record_eligibility', eligible: false, reason },
      { type: 'route_back', reason },
    ] as const) {
      if (!state) throw new Error('A referral makes a case.');
      const decision = decide(state, command, stamp);
      if (!('events' in decision)) throw new Error(decision.refused.message);
      state = decision.events.reduce(apply, state);
    }
    expect(state?.outcome).toEqual({ outcome: 'no_conference', reason });
  });
});

describe('the rules a program starts with', () => {
  it('gives a misconduct program the misconduct rules, and any other the community rules', () => {
    expect(defaultRulesFor(true)).toEqual(defaultMisconductRules);
    expect(defaultRulesFor(false)).toEqual(defaultCommunityRules);
    expect(screenReferral(defaultRulesFor(false), 'domestic_violence').verdict).toBe(
      'not_eligible',
    );
  });

  it('gives each program its own copy, so that one coordinator’s edit changes no other program', () => {
    const mine = defaultRulesFor(true);
    const first = mine[0];
    if (!first) throw new Error('The misconduct rules are not empty.');
    first.eligible = false;
    mine.pop();
    expect(defaultRulesFor(true)).toEqual(defaultMisconductRules);
    expect(defaultMisconductRules[0]?.eligible).toBe(true);
    expect(defaultMisconductRules).toHaveLength(9);
  });
});
