import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, NetworkError } from '../../app/api.ts';
import { afterSignIn, meQueryKey } from '../../app/session.ts';
import { inCurrentLanguage } from '../../i18n/i18n.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../ui/ErrorSummary.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { PasskeySignIn } from '../passkeys/PasskeySignIn.tsx';
import { hasSession, signIn } from './api.ts';
import { EmailLinkSignIn } from './EmailLinkSignIn.tsx';
import { SecondStep } from './SecondStep.tsx';
import '../../ui/form.css';
import './sign-in.css';

const emailId = 'sign-in-email';
const passwordId = 'sign-in-password';

interface Problems {
  attempt: number;
  email?: string;
  password?: string;
  /** One message for the whole form, e.g. a wrong email and password (never saying which). */
  message?: string;
}

function emailFromState(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'email' in state) {
    return typeof state.email === 'string' ? state.email : '';
  }
  return '';
}

/** Sends someone who is already signed in on to their account page. */
function useLeaveWhenSignedIn(): void {
  const navigate = useNavigate();
  const location = useLocation();
  const session = useQuery({
    queryKey: ['session'],
    queryFn: ({ signal }) => hasSession(signal),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  useEffect(() => {
    if (session.data === true) void navigate(afterSignIn(location.state), { replace: true });
  }, [session.data, navigate, location.state]);
}

/**
 * Staff sign in with email and password (and a second factor); residents and invitees may ask
 * for a link by email instead. Afterwards they land on their account page.
 */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  useLeaveWhenSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Coming from the setup confirmation, the email address is already known.
  const [email, setEmail] = useState(() => emailFromState(location.state));
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems | null>(null);
  // Back from a sign-in link that had expired or was used: /sign-in?link=failed&error=…
  const [searchParams] = useSearchParams();
  const linkFailed = searchParams.has('link');
  // Staff with a second factor give a code after their password, on this same page; people
  // without a password ask for a link by email instead.
  const [stage, setStage] = useState<'password' | 'code' | 'link'>(
    linkFailed ? 'link' : 'password',
  );
  // Back from the link form: focus the heading so the change is announced.
  const [cameBack, setCameBack] = useState(false);
  const mutation = useMutation({ mutationFn: signIn });

  function onSignedIn() {
    queryClient.removeQueries({ queryKey: meQueryKey });
    void navigate(afterSignIn(location.state));
  }

  function show(next: Omit<Problems, 'attempt'>) {
    setProblems((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, ...next }));
  }

  function onFailure(error: unknown) {
    if (error instanceof NetworkError) return show({ message: t('forms.network') });
    if (error instanceof ApiError) {
      // 401: a wrong pair; 400: an address better-auth cannot read. Either way, say the pair
      // does not match, without telling which half was wrong.
      if (error.status === 401 || error.status === 400) {
        return show({ message: t('signIn.errors.mismatch') });
      }
      if (error.status === 429) return show({ message: t('signIn.errors.tooMany') });
    }
    return show({ message: t('forms.failed') });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const trimmed = email.trim();
    const missing = {
      email: trimmed === '' ? t('signIn.errors.emailMissing') : undefined,
      password: password === '' ? t('signIn.errors.passwordMissing') : undefined,
    };
    if (missing.email || missing.password) return show(missing);
    mutation.mutate(
      { email: trimmed, password },
      {
        onSuccess: (result) => {
          if (result === 'second-step') {
            setProblems(null);
            return setStage('code');
          }
          onSignedIn();
        },
        onError: onFailure,
      },
    );
  }

  const items: ErrorSummaryItem[] = [];
  if (problems?.email) items.push({ fieldId: emailId, message: problems.email });
  if (problems?.password) items.push({ fieldId: passwordId, message: problems.password });

  if (stage === 'code') {
    return (
      <div className="form-page">
        <SecondStep
          onSignedIn={onSignedIn}
          onExpired={() => {
            setPassword('');
            setStage('password');
            show({ message: t('signIn.second.expired') });
          }}
        />
      </div>
    );
  }

  if (stage === 'link') {
    return (
      <div className="form-page">
        <EmailLinkSignIn
          initialEmail={email}
          linkFailed={linkFailed}
          onUsePassword={() => {
            setCameBack(true);
            setStage('password');
          }}
        />
      </div>
    );
  }

  return (
    <div className="form-page">
      <PageHeading focusOnMount={cameBack}>{t('signIn.heading')}</PageHeading>
      <p className="form-page__lead">{t('signIn.lead')}</p>

      {problems ? (
        <ErrorSummary
          title={items.length > 0 ? t('forms.errorSummary') : undefined}
          message={problems.message}
          items={items}
          attempt={problems.attempt}
        />
      ) : null}

      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={emailId}
          name="email"
          type="email"
          label={t('signIn.email')}
          // "username": the address is the account's name, so password managers fill it in.
          autoComplete="username"
          value={email}
          onChange={setEmail}
          errorMessage={problems?.email && inCurrentLanguage(problems.email)}
        />
        <PasswordField
          id={passwordId}
          name="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={problems?.password && inCurrentLanguage(problems.password)}
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending} className="form-actions__submit">
            {t('signIn.submit')}
          </Button>
        </div>
      </Form>

      <PasskeySignIn onSignedIn={onSignedIn} />

      <section className="sign-in-link-offer" aria-labelledby="sign-in-link-offer">
        <h2 id="sign-in-link-offer" className="sign-in-link-offer__heading">
          {t('signIn.link.offerHeading')}
        </h2>
        <p>{t('signIn.link.offer')}</p>
        <Button
          variant="secondary"
          onPress={() => {
            setProblems(null);
            setStage('link');
          }}
        >
          {t('signIn.link.offerButton')}
        </Button>
      </section>

      <div className="form-aside">
        <p>{t('signIn.forgot')}</p>
        <p>{t('signIn.residentNote')}</p>
      </div>
    </div>
  );
}
