import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../shared/circles/contract.ts';
import {
  YOUTH_MAX_AGE,
  YOUTH_MIN_AGE,
  type YouthSettingsRequest,
  type YouthSettingsView,
} from '../../../shared/youth/contract.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { saveYouthSettings, youthKey, youthSettingsKey } from './api.ts';
import { youthFieldMessage } from './field-messages.ts';

const fieldIds = {
  minAge: 'youth-min-age',
  maxAge: 'youth-max-age',
  safeguardingLeadId: 'youth-lead',
  twoAdultsPresent: 'youth-two-adults',
  openPlacesOnly: 'youth-open-places',
  guardianSeesMentoring: 'youth-guardian-sees',
  retentionDays: 'youth-retention',
  consentValidDays: 'youth-consent-days',
  aboutForGuardians: 'youth-about',
} as const;
type Field = keyof typeof fieldIds;

/** The form as typed: numbers stay text until sent, so that nothing typed is lost to a check. */
interface Draft {
  minAge: string;
  maxAge: string;
  safeguardingLeadId: string;
  twoAdultsPresent: boolean;
  openPlacesOnly: boolean;
  guardianSeesMentoring: boolean;
  retentionDays: string;
  consentValidDays: string;
  aboutForGuardians: string;
}

const ages = Array.from({ length: YOUTH_MAX_AGE - YOUTH_MIN_AGE + 1 }, (_, index) =>
  String(YOUTH_MIN_AGE + index),
);

function draftOf(settings: YouthSettingsView | null, leadId: string): Draft {
  if (!settings) {
    // A careful start: both meeting rules on, guardians not reading mentoring messages.
    return {
      minAge: '12',
      maxAge: '17',
      safeguardingLeadId: leadId,
      twoAdultsPresent: true,
      openPlacesOnly: true,
      guardianSeesMentoring: false,
      retentionDays: '365',
      consentValidDays: '365',
      aboutForGuardians: '',
    };
  }
  return {
    minAge: String(settings.minAge),
    maxAge: String(settings.maxAge),
    safeguardingLeadId: settings.safeguardingLead.id,
    twoAdultsPresent: settings.twoAdultsPresent,
    openPlacesOnly: settings.openPlacesOnly,
    guardianSeesMentoring: settings.guardianSeesMentoring,
    retentionDays: String(settings.retentionDays),
    consentValidDays: String(settings.consentValidDays),
    aboutForGuardians: settings.aboutForGuardians,
  };
}

/** A number as typed; blank is sent as nothing, so that the server names what is missing. */
function numberOrBlank(typed: string): number | undefined {
  return typed.trim() === '' ? undefined : Number(typed);
}

/**
 * Whether saving would change what guardians agree to: the server then makes a new version and
 * asks every guardian again (server/features/youth/settings.ts decides it the same way).
 */
function changesWhatGuardiansRead(saved: YouthSettingsView, draft: Draft): boolean {
  return (
    saved.aboutForGuardians.trim() !== draft.aboutForGuardians.trim() ||
    String(saved.retentionDays) !== draft.retentionDays.trim() ||
    saved.twoAdultsPresent !== draft.twoAdultsPresent ||
    saved.openPlacesOnly !== draft.openPlacesOnly ||
    saved.guardianSeesMentoring !== draft.guardianSeesMentoring ||
    String(saved.consentValidDays) !== draft.consentValidDays.trim()
  );
}

export function YouthSettingsForm({
  programId,
  programName,
  settings,
  keepers,
  myPersonId,
  guardiansToAsk,
}: {
  programId: string;
  programName: string;
  /** Null while the program is not a youth program yet. */
  settings: YouthSettingsView | null;
  /** Who may be the safeguarding lead: the program's coordinators, facilitators and admins. */
  keepers: readonly PersonRef[];
  myPersonId: string | undefined;
  /** How many guardians a change of their words would email; undefined while not known. */
  guardiansToAsk: number | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const myself = keepers.some((keeper) => keeper.id === myPersonId) ? (myPersonId ?? '') : '';
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings, myself));
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: YouthSettingsRequest) => saveYouthSettings(programId, body),
  });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));
  const asksAgain = settings !== null && changesWhatGuardiansRead(settings, draft);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    // Sent as typed: the server checks every field and answers each one in its own words.
    const body = {
      ...draft,
      minAge: Number(draft.minAge),
      maxAge: Number(draft.maxAge),
      retentionDays: numberOrBlank(draft.retentionDays),
      consentValidDays: numberOrBlank(draft.consentValidDays),
    } as YouthSettingsRequest;
    mutation.mutate(body, {
      onSuccess: (saved) => {
        problems.clear();
        queryClient.setQueryData(youthSettingsKey(programId), saved);
        void queryClient.invalidateQueries({ queryKey: youthKey(programId) });
        setDraft(draftOf(saved, saved.safeguardingLead.id));
        let title = t('youth.program.settings.saved');
        if (!settings) title = t('youth.program.settings.made', { program: programName });
        else if (saved.consentVersion !== settings.consentVersion) {
          title = t('youth.program.settings.savedAskedAgain');
        }
        showToast({ title });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => youthFieldMessage(t, problem),
        }),
    });
  }

  const ageOptions = ages.map((age) => ({ value: age, label: age }));
  return (
    <section className="youth-section" aria-labelledby="youth-settings-heading">
      <h2 id="youth-settings-heading">
        {settings ? t('youth.program.settings.heading') : t('youth.program.settings.makeHeading')}
      </h2>
      {settings ? (
        <>
          <p>{t('youth.program.settings.lead')}</p>
          <p className="youth-muted">
            {t('youth.program.settings.currentVersion', { version: settings.consentVersion })}
          </p>
        </>
      ) : (
        <>
          <p>{t('youth.program.settings.makeLead')}</p>
          <p className="form-page__note">{t('youth.program.settings.makeKept')}</p>
        </>
      )}
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('youth.program.settings.ages')}</legend>
          <p className="form-section__help">{t('youth.program.settings.agesHelp')}</p>
          <div className="youth-ages">
            <SelectField
              id={fieldIds.minAge}
              label={t('youth.program.settings.minAge')}
              value={draft.minAge}
              onChange={set('minAge')}
              options={ageOptions}
              errorMessage={problems.error('minAge')}
            />
            <SelectField
              id={fieldIds.maxAge}
              label={t('youth.program.settings.maxAge')}
              value={draft.maxAge}
              onChange={set('maxAge')}
              options={ageOptions}
              errorMessage={problems.error('maxAge')}
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section__legend">
            {t('youth.program.settings.safeguarding')}
          </legend>
          {keepers.length === 0 ? (
            <p className="field__error">{t('youth.program.settings.noKeepers')}</p>
          ) : null}
          <SelectField
            id={fieldIds.safeguardingLeadId}
            label={t('youth.program.settings.safeguardingLead')}
            description={t('youth.program.settings.safeguardingLeadHelp')}
            placeholder={t('youth.program.settings.chooseLead')}
            value={draft.safeguardingLeadId}
            onChange={set('safeguardingLeadId')}
            options={keepers.map((keeper) => ({ value: keeper.id, label: keeper.name }))}
            errorMessage={problems.error('safeguardingLeadId')}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('youth.program.settings.rules')}</legend>
          <p className="form-section__help">{t('youth.program.settings.rulesHelp')}</p>
          <Checkbox
            id={fieldIds.twoAdultsPresent}
            isSelected={draft.twoAdultsPresent}
            onChange={set('twoAdultsPresent')}
            errorMessage={problems.error('twoAdultsPresent')}
          >
            {t('youth.program.settings.twoAdultsPresent')}
          </Checkbox>
          <Checkbox
            id={fieldIds.openPlacesOnly}
            isSelected={draft.openPlacesOnly}
            onChange={set('openPlacesOnly')}
            errorMessage={problems.error('openPlacesOnly')}
          >
            {t('youth.program.settings.openPlacesOnly')}
          </Checkbox>
          <Checkbox
            id={fieldIds.guardianSeesMentoring}
            isSelected={draft.guardianSeesMentoring}
            onChange={set('guardianSeesMentoring')}
            errorMessage={problems.error('guardianSeesMentoring')}
          >
            {t('youth.program.settings.guardianSeesMentoring')}
          </Checkbox>
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section__legend">
            {t('youth.program.settings.forGuardians')}
          </legend>
          <p className="form-section__help">{t('youth.program.settings.forGuardiansHelp')}</p>
          <TextField
            id={fieldIds.retentionDays}
            label={t('youth.program.settings.retentionDays')}
            description={t('youth.program.settings.retentionDaysHelp')}
            inputMode="numeric"
            className="field--short"
            value={draft.retentionDays}
            onChange={set('retentionDays')}
            errorMessage={problems.error('retentionDays')}
          />
          <TextField
            id={fieldIds.consentValidDays}
            label={t('youth.program.settings.consentValidDays')}
            description={t('youth.program.settings.consentValidDaysHelp')}
            inputMode="numeric"
            className="field--short"
            value={draft.consentValidDays}
            onChange={set('consentValidDays')}
            errorMessage={problems.error('consentValidDays')}
          />
          <TextField
            id={fieldIds.aboutForGuardians}
            label={t('youth.program.settings.aboutForGuardians')}
            description={t('youth.program.settings.aboutForGuardiansHelp')}
            multiline
            value={draft.aboutForGuardians}
            onChange={set('aboutForGuardians')}
            errorMessage={problems.error('aboutForGuardians')}
          />
        </fieldset>
        {asksAgain ? (
          <div className="youth-warning" role="status">
            <h3 className="youth-warning__heading">
              {t('youth.program.settings.askAgainHeading')}
            </h3>
            <p>{t('youth.program.settings.askAgainBody')}</p>
            {guardiansToAsk === undefined ? null : (
              <p>{t('youth.program.settings.askAgainCount', { count: guardiansToAsk })}</p>
            )}
          </div>
        ) : null}
        <FormActions
          submit={
            settings === null
              ? t('youth.program.settings.makeSubmit')
              : asksAgain
                ? t('youth.program.settings.submitAskAgain')
                : t('youth.program.settings.submit')
          }
          isBusy={mutation.isPending}
        />
      </Form>
    </section>
  );
}
