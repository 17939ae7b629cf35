import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  acceptInvitationRequest,
  type InvitationPreview,
} from '../../../shared/invitations/contract.ts';
import { MIN_PASSWORD_LENGTH } from '../../../shared/setup/contract.ts';
import { ApiError } from '../../app/api.ts';
import { meQueryKey, type SignInState } from '../../app/session.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { hasSession } from '../sign-in/api.ts';
import { acceptInvitation, fetchPreview, previewKey } from './api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './join.css';

type Open = Extract<InvitationPreview, { state: 'open' }>;
type Closed = Exclude<InvitationPreview['state'], 'open'>;

const fieldIds = {
  name: 'join-name',
  language: 'join-language',
  password: 'join-password',
} as const;
type Field = keyof typeof fieldIds;

/** The invitation's token is in the address's #fragment, so it never reaches a server log. */
function useInvitationToken(): string {
  const { hash } = useLocation();
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

function ClosedInvitation({ state }: { state: Closed }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`join.closed.${state}.heading`));
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{t(`join.closed.${state}.heading`)}</PageHeading>
      <p className="status-page__body">{t(`join.closed.${state}.body`)}</p>
      <p>{t('join.closed.noFault')}</p>
      <div className="status-page__actions">
        <Link to="/" className={buttonClassName('secondary')}>
          {t('notFound.homeLink')}
        </Link>
      </div>
    </div>
  );
}

function Invitation({ preview }: { preview: Open }) {
  const { t } = useTranslation();
  const role = t(`roles.${preview.role}`);
  const where = preview.programName
    ? t('join.where.program', {
        program: preview.programName,
        organisation: preview.organisationName,
      })
    : preview.organisationName;
  return (
    <div className="join__invitation">
      <p className="join__inviter">
        {t('join.invitedBy', { inviter: preview.inviterName, where })}
      </p>
      <dl className="join__facts">
        <div>
          <dt>{t('join.facts.organisation')}</dt>
          <dd>{preview.organisationName}</dd>
        </div>
        {preview.programName ? (
          <div>
            <dt>{t('join.facts.program')}</dt>
            <dd>{preview.programName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('join.facts.role')}</dt>
          <dd>{role}</dd>
        </div>
        {preview.email ? (
          <div>
            <dt>{t('join.facts.email')}</dt>
            <dd>{preview.email}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

function SignInFirst({ preview, token }: { preview: Open; token: string }) {
  const { t } = useTranslation();
  const state: SignInState = { email: preview.email ?? undefined, returnTo: `/join#${token}` };
  return (
    <div className="join__next">
      <h2 className="join__subheading">{t('join.signInFirst.heading')}</h2>
      <p>{t('join.signInFirst.body', { email: preview.email ?? '' })}</p>
      <Link to="/sign-in" state={state} className={buttonClassName('primary')}>
        {t('join.signInFirst.link')}
      </Link>
    </div>
  );
}

function JoinForm({
  preview,
  token,
  onClosed,
}: {
  preview: Open;
  token: string;
  onClosed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const staff = preview.next === 'create-account';
  const [name, setName] = useState('');
  // The page's language (which the header's switcher changes) until the person picks one here.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language: Language =
    chosenLanguage ??
    (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : preview.language);
  const [password, setPassword] = useState('');
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({ mutationFn: acceptInvitation });

  function messageFor(field: Field, code: string | undefined): string {
    if (field === 'name') {
      if (code === 'police_title') return t('forms.policeTitle');
      if (code === 'too_big') return t('join.errors.nameLong', { max: staff ? 120 : 60 });
      return staff ? t('join.errors.nameMissingStaff') : t('join.errors.nameMissing');
    }
    if (field === 'password') {
      return code === 'too_big'
        ? t('setup.errors.passwordLong', { max: 256 })
        : t('setup.errors.passwordShort', { min: MIN_PASSWORD_LENGTH });
    }
    return t('join.errors.language');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = acceptInvitationRequest.safeParse({
      token,
      name,
      language,
      ...(staff ? { password } : {}),
    });
    const fields: Partial<Record<Field, string>> = {};
    if (parsed.success && staff && password === '') {
      fields.password = messageFor('password', undefined);
    }
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'name' || field === 'password' || field === 'language') {
        fields[field] ??= messageFor(field, issue.code);
      }
    }
    if (!parsed.success || Object.keys(fields).length > 0) return problems.show(fields);
    mutation.mutate(parsed.data, {
      onSuccess: async (answer) => {
        queryClient.removeQueries({ queryKey: meQueryKey });
        if (language !== i18n.language) await chooseLanguage(language);
        showToast({ title: i18n.t('join.welcome', { name: parsed.data.name }) });
        void navigate(answer.secondFactor === 'required' ? '/me/second-factor' : '/me');
      },
      onError: (error) => {
        if (error instanceof ApiError && [404, 409, 410].includes(error.status)) {
          return onClosed();
        }
        if (error instanceof ApiError && error.fieldProblems.some((p) => p.field === 'token')) {
          return onClosed();
        }
        problems.showFailure(error, {
          fieldMessage: (field, problem) => messageFor(field, problem.code),
        });
      },
    });
  }

  return (
    <div className="join__next">
      <h2 className="join__subheading">
        {staff ? t('join.form.staffHeading') : t('join.form.heading')}
      </h2>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        {staff && preview.email ? (
          <input
            type="email"
            name="email"
            autoComplete="username"
            value={preview.email}
            readOnly
            hidden
          />
        ) : null}
        <TextField
          id={fieldIds.name}
          name="name"
          label={staff ? t('join.form.staffName') : t('join.form.name')}
          description={staff ? t('join.form.staffNameHelp') : t('join.form.nameHelp')}
          autoComplete={staff ? 'name' : 'nickname'}
          value={name}
          onChange={setName}
          errorMessage={problems.error('name')}
        />
        <LanguageField
          id={fieldIds.language}
          name="language"
          label={t('join.form.language')}
          value={language}
          onChange={setLanguage}
          errorMessage={problems.error('language')}
        />
        {staff ? (
          <PasswordField
            id={fieldIds.password}
            name="password"
            label={t('setup.form.password')}
            description={t('setup.form.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            errorMessage={problems.error('password')}
          />
        ) : null}
        {staff ? <p className="form-page__note">{t('join.form.secondFactorNote')}</p> : null}
        <FormActions
          submit={staff ? t('join.form.staffSubmit') : t('join.form.submit')}
          isBusy={mutation.isPending}
        />
      </Form>
      {staff ? null : (
        <ul className="join__promises">
          <li>{t('join.promises.voluntary')}</li>
          <li>{t('join.promises.name')}</li>
          <li>{t('join.promises.leave')}</li>
        </ul>
      )}
    </div>
  );
}

/** Back from signing in: the invitation is accepted as the person already signed in. */
function AcceptSignedIn({ token, onClosed }: { token: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problems = useFormProblems({});
  // Signed in, the person accepts as themselves: their name and language stay as they are (and
  // a staff name may be longer than a display name is allowed to be).
  const mutation = useMutation({ mutationFn: () => acceptInvitation({ token }) });
  return (
    <div className="join__next">
      <h2 className="join__subheading">{t('join.accept.heading')}</h2>
      <p>{t('join.accept.body')}</p>
      {problems.summary}
      <Button
        isBusy={mutation.isPending}
        onPress={() => {
          if (mutation.isPending) return;
          mutation.mutate(undefined, {
            onSuccess: (answer) => {
              queryClient.removeQueries({ queryKey: meQueryKey });
              showToast({ title: t('join.accept.done') });
              void navigate(answer.secondFactor === 'required' ? '/me/second-factor' : '/me');
            },
            onError: (error) => {
              if (error instanceof ApiError && [404, 409, 410].includes(error.status)) {
                return onClosed();
              }
              problems.showFailure(error);
            },
          });
        }}
      >
        {t('join.accept.submit')}
      </Button>
    </div>
  );
}

/** /join#<token>: what an invitation offers, then joining under a name of one's choosing. */
export function JoinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('join.title'));
  const token = useInvitationToken();
  const valid = acceptInvitationRequest.shape.token.safeParse(token).success;
  const preview = useQuery({
    queryKey: previewKey(token),
    queryFn: ({ signal }) => fetchPreview(token, signal),
    enabled: valid,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  const session = useQuery({
    queryKey: ['session'],
    queryFn: ({ signal }) => hasSession(signal),
    staleTime: 0,
    retry: false,
  });

  if (!valid) return <ClosedInvitation state="invalid" />;
  if (preview.isPending) return <p className="page-loading">{t('join.loading')}</p>;
  if (preview.isError) {
    if (preview.error instanceof ApiError && preview.error.status < 500) {
      return <ClosedInvitation state="invalid" />;
    }
    return (
      <div className="status-page">
        <PageHeading>{t('join.heading')}</PageHeading>
        <p className="status-page__body">{t('join.loadFailed')}</p>
        <Button onPress={() => void preview.refetch()} isBusy={preview.isFetching}>
          {t('profile.retry')}
        </Button>
      </div>
    );
  }
  if (preview.data.state !== 'open') return <ClosedInvitation state={preview.data.state} />;

  const open = preview.data;
  const onClosed = () => void preview.refetch();
  let next: ReactNode;
  if (open.next !== 'sign-in-first') {
    next = <JoinForm preview={open} token={token} onClosed={onClosed} />;
  } else if (session.data === true) {
    // Back from signing in: they accept as themselves.
    next = <AcceptSignedIn token={token} onClosed={onClosed} />;
  } else {
    next = <SignInFirst preview={open} token={token} />;
  }
  return (
    <div className="form-page join">
      <PageHeading>{t('join.heading')}</PageHeading>
      <Invitation preview={open} />
      {next}
    </div>
  );
}
