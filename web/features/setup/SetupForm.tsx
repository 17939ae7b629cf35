import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type OrganisationKind,
  organisationKinds,
} from '../../../shared/organisations/contract.ts';
import { setupRequest } from '../../../shared/setup/contract.ts';
import { ApiError, type FieldProblem, NetworkError } from '../../app/api.ts';
import { isLanguage } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../ui/ErrorSummary.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { completeSetup } from './api.ts';
import {
  fieldMessage,
  isSetupField,
  limits,
  problemsOf,
  type SetupField,
  setupFields,
} from './field-messages.ts';

/** The id of each field's input, so the error summary can link to it. */
const fieldIds: Record<SetupField, string> = {
  'organisation.name': 'setup-organisation-name',
  'organisation.kind': 'setup-organisation-kind',
  'admin.name': 'setup-admin-name',
  'admin.email': 'setup-admin-email',
  'admin.password': 'setup-admin-password',
};

export type SetupFormOutcome =
  | { kind: 'created'; organisationName: string; email: string }
  | { kind: 'invalid-link' }
  | { kind: 'conflict' };

interface Problems {
  attempt: number;
  fields: Partial<Record<SetupField, string>>;
  /** For a problem no field owns: no connection, a server error, an unknown field. */
  message?: string;
}

function isKind(value: unknown): value is OrganisationKind {
  return (organisationKinds as readonly unknown[]).includes(value);
}

/** The first organisation and its admin. Everything typed stays put whatever goes wrong. */
export function SetupForm({
  token,
  onOutcome,
}: {
  token: string;
  onOutcome: (outcome: SetupFormOutcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const [organisationName, setOrganisationName] = useState('');
  const [kind, setKind] = useState<OrganisationKind | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems | null>(null);
  useDocumentTitle(t('setup.title'));
  const mutation = useMutation({ mutationFn: completeSetup });

  function show(fieldProblems: readonly FieldProblem[], message?: string) {
    const fields: Partial<Record<SetupField, string>> = {};
    const others: string[] = message ? [message] : [];
    for (const problem of fieldProblems) {
      if (isSetupField(problem.field)) fields[problem.field] ??= fieldMessage(t, problem);
      else others.push(problem.message);
    }
    setProblems((previous) => ({
      attempt: (previous?.attempt ?? 0) + 1,
      fields,
      message: others.length > 0 ? others.join(' ') : undefined,
    }));
  }

  function onFailure(error: unknown) {
    if (error instanceof NetworkError) return show([], t('forms.network'));
    if (!(error instanceof ApiError)) return show([], t('forms.failed'));
    if (error.status === 409) return onOutcome({ kind: 'conflict' });
    const fieldProblems = error.fieldProblems;
    if (fieldProblems.some((problem) => problem.field === 'token')) {
      return onOutcome({ kind: 'invalid-link' });
    }
    if (error.status === 400 && fieldProblems.length > 0) return show(fieldProblems);
    return show([], t('forms.failed'));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
    const parsed = setupRequest.safeParse({
      token,
      organisation: { name: organisationName, kind: kind ?? undefined },
      admin: { name, email, password, language },
    });
    if (!parsed.success) return show(problemsOf(parsed.error.issues));
    mutation.mutate(parsed.data, {
      onSuccess: () =>
        onOutcome({
          kind: 'created',
          organisationName: parsed.data.organisation.name,
          email: parsed.data.admin.email,
        }),
      onError: onFailure,
    });
  }

  const fields = problems?.fields ?? {};
  const summaryItems: ErrorSummaryItem[] = setupFields.flatMap((field) => {
    const message = fields[field];
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  return (
    <div className="form-page">
      <PageHeading>{t('setup.form.heading')}</PageHeading>
      <p className="form-page__lead">{t('setup.form.lead')}</p>
      <p className="form-page__note">{t('setup.form.linkNote')}</p>

      {problems ? (
        <ErrorSummary
          title={summaryItems.length > 0 ? t('forms.errorSummary') : undefined}
          message={problems.message}
          items={summaryItems}
          attempt={problems.attempt}
        />
      ) : null}

      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('setup.form.organisationLegend')}</legend>
          <TextField
            id={fieldIds['organisation.name']}
            name="organisation"
            label={t('setup.form.organisationName')}
            description={t('setup.form.organisationNameHelp')}
            autoComplete="organization"
            value={organisationName}
            onChange={setOrganisationName}
            errorMessage={fields['organisation.name']}
          />
          <RadioGroup
            id={fieldIds['organisation.kind']}
            name="kind"
            label={t('setup.form.kind')}
            options={organisationKinds.map((value) => ({
              value,
              label: t(`setup.form.kinds.${value}`),
            }))}
            value={kind}
            onChange={(value) => setKind(isKind(value) ? value : null)}
            errorMessage={fields['organisation.kind']}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__legend">{t('setup.form.adminLegend')}</legend>
          <p className="form-section__help">{t('setup.form.adminHelp')}</p>
          <TextField
            id={fieldIds['admin.name']}
            name="name"
            label={t('setup.form.name')}
            description={t('setup.form.nameHelp')}
            autoComplete="name"
            value={name}
            onChange={setName}
            errorMessage={fields['admin.name']}
          />
          <TextField
            id={fieldIds['admin.email']}
            name="email"
            type="email"
            label={t('setup.form.email')}
            description={t('setup.form.emailHelp')}
            autoComplete="email"
            value={email}
            onChange={setEmail}
            errorMessage={fields['admin.email']}
          />
          <PasswordField
            id={fieldIds['admin.password']}
            name="password"
            label={t('setup.form.password')}
            description={t('setup.form.passwordHelp', { min: limits.password.min })}
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            errorMessage={fields['admin.password']}
          />
        </fieldset>

        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending} className="form-actions__submit">
            {t('setup.form.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
