import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConferenceSettings } from '../../../shared/conferences/contract.ts';
import { defaultRulesFor } from '../../../shared/conferences/eligibility.ts';
import {
  type HarmRule,
  type ScriptOrder,
  scriptOrders,
} from '../../../shared/conferences/names.ts';
import type { ProgramSummary } from '../../../shared/organisations/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { fetchSettings, saveSettings, settingsKey } from './api.ts';
import { ReferralLinkSection } from './ReferralLinkSection.tsx';
import { RulesEditor, ruleLabelId } from './RulesEditor.tsx';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

const sameRules = (a: readonly HarmRule[], b: readonly HarmRule[]) =>
  a.length === b.length &&
  a.every(
    (rule, index) =>
      rule.id === b[index]?.id &&
      rule.label === b[index]?.label &&
      rule.eligible === b[index]?.eligible,
  );

function SettingsForm({
  program,
  settings,
}: {
  program: ProgramSummary;
  settings: ConferenceSettings;
}) {
  const { t } = useTranslation();
  const [misconduct, setMisconduct] = useState(settings.misconduct);
  const [agency, setAgency] = useState(settings.agencyOrganisationId ?? '');
  const [rules, setRules] = useState<HarmRule[]>(settings.rules);
  const [scriptOrder, setScriptOrder] = useState<ScriptOrder>(settings.scriptOrder);
  const fieldIds: Record<string, string> = {
    misconduct: 'settings-misconduct',
    agencyOrganisationId: 'settings-agency',
    rules: ruleLabelId(0),
    ...Object.fromEntries(rules.map((_, index) => [`rules.${index}.label`, ruleLabelId(index)])),
    scriptOrder: 'settings-script-order',
  };
  const problems = useFormProblems(fieldIds);

  /** A program that changes kind starts from the other kind's rules, unless it made its own. */
  function changeKind(next: boolean) {
    setMisconduct(next);
    if (sameRules(rules, defaultRulesFor(!next))) setRules(defaultRulesFor(next));
  }
  const failure = useFailureOptions<string>();
  const mutation = useCaseChange(
    () =>
      saveSettings(program.id, {
        misconduct,
        agencyOrganisationId: misconduct ? agency || null : null,
        rules,
        scriptOrder,
      }),
    t('conferences.settings.saved'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: () => {
        problems.clear();
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('conferences.settings.kindLegend')}</legend>
          <Checkbox
            id={fieldIds.misconduct}
            isSelected={misconduct}
            onChange={changeKind}
            errorMessage={problems.error('misconduct')}
          >
            {t('conferences.settings.misconduct')}
          </Checkbox>
          <p className="form-section__help">{t('conferences.settings.misconductHelp')}</p>
          {misconduct ? (
            <SelectField
              id={fieldIds.agencyOrganisationId}
              label={t('conferences.settings.agency')}
              description={t('conferences.settings.agencyHelp')}
              placeholder={t('conferences.settings.agencyChoose')}
              value={agency}
              onChange={setAgency}
              errorMessage={problems.error('agencyOrganisationId')}
              options={program.organisations.map((organisation) => ({
                value: organisation.id,
                label: organisation.name,
              }))}
            />
          ) : null}
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('conferences.settings.rulesLegend')}</legend>
          <p className="form-section__help">{t('conferences.settings.rulesHelp')}</p>
          {problems.error('rules') ? (
            <p className="field__error">{problems.error('rules')}</p>
          ) : null}
          <RulesEditor
            rules={rules}
            onChange={setRules}
            labelError={(index) => problems.error(`rules.${index}.label`)}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('conferences.settings.scriptLegend')}</legend>
          <RadioGroup
            id={fieldIds.scriptOrder}
            label={t('conferences.settings.scriptOrder')}
            layout="stack"
            value={scriptOrder}
            onChange={(value) => setScriptOrder(value as ScriptOrder)}
            errorMessage={problems.error('scriptOrder')}
            options={scriptOrders.map((value) => ({
              value,
              label: t(`conferences.scriptOrders.${value}`),
            }))}
          />
        </fieldset>
        <FormActions submit={t('conferences.settings.save')} isBusy={mutation.isPending} />
      </Form>
    </>
  );
}

/** /programs/:programId/conferences/settings: what the program hears, and its referral link. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  useSignedIn();
  useDocumentTitle(t('conferences.settings.title'));
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const settings = useQuery({
    queryKey: settingsKey(programId),
    queryFn: ({ signal }) => fetchSettings(programId, signal),
    retry: retryUnlessRefused,
  });
  if (program.isPending || settings.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || !settings.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.settings.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={program.error ?? settings.error}
          refused={t('conferences.settings.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void settings.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <div className="form-page settings-page">
      <PageHeading>{t('conferences.settings.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('conferences.settings.lead')}</p>
      <p>
        <Link to={`/programs/${programId}/conferences`}>
          {t('conferences.board.backLink', { program: program.data.name })}
        </Link>
      </p>
      <ReferralLinkSection settings={settings.data} />
      <section className="conference-section" aria-labelledby="settings-form-heading">
        <h2 id="settings-form-heading">{t('conferences.settings.formHeading')}</h2>
        <SettingsForm program={program.data} settings={settings.data} />
      </section>
    </div>
  );
}
