import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { authErrorCode, useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProfile } from '../profile/api.ts';
import {
  digitsOf,
  type Enrolment,
  groupSecret,
  newBackupCodes,
  secretOf,
  startEnrolment,
  verifyCode,
} from './api.ts';
import { BackupCodes } from './BackupCodes.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './second-factor.css';

type Step =
  | { kind: 'password' }
  | { kind: 'scan'; enrolment: Enrolment }
  | { kind: 'codes'; codes: readonly string[] };

function StepCount({ step }: { step: number }) {
  const { t } = useTranslation();
  return <p className="second-factor__step">{t('secondFactor.stepOf', { step, total: 3 })}</p>;
}

function PasswordStep({ onEnrolled }: { onEnrolled: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const problems = useFormProblems({ password: 'second-factor-password' });
  const mutation = useMutation({ mutationFn: startEnrolment });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (password === '') return problems.show({ password: t('signIn.errors.passwordMissing') });
    mutation.mutate(password, {
      onSuccess: onEnrolled,
      onError: (error) => {
        if (authErrorCode(error) === 'INVALID_PASSWORD') {
          return problems.show({ password: t('secondFactor.errors.wrongPassword') });
        }
        problems.showFailure(error);
      },
    });
  }

  return (
    <>
      <StepCount step={1} />
      <PageHeading>{t('secondFactor.heading')}</PageHeading>
      <p className="form-page__lead">{t('secondFactor.lead')}</p>
      <p>{t('secondFactor.needApp')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <PasswordField
          id="second-factor-password"
          name="password"
          label={t('secondFactor.password')}
          description={t('secondFactor.passwordHelp')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={problems.error('password')}
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending}>
            {t('secondFactor.continue')}
          </Button>
        </div>
      </Form>
    </>
  );
}

function ScanStep({ enrolment, onVerified }: { enrolment: Enrolment; onVerified: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const problems = useFormProblems({ code: 'second-factor-code' });
  const mutation = useMutation({ mutationFn: verifyCode });
  const secret = secretOf(enrolment.totpURI);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const digits = digitsOf(code);
    if (digits.length !== 6) return problems.show({ code: t('secondFactor.errors.codeShape') });
    mutation.mutate(digits, {
      onSuccess: onVerified,
      onError: (error) => {
        if (authErrorCode(error) === 'INVALID_CODE') {
          return problems.show({ code: t('secondFactor.errors.codeWrong') });
        }
        problems.showFailure(error);
      },
    });
  }

  return (
    <>
      <StepCount step={2} />
      <PageHeading focusOnMount>{t('secondFactor.scan.heading')}</PageHeading>
      <p className="form-page__lead">{t('secondFactor.scan.lead')}</p>
      <div className="second-factor__qr">
        <QrCode value={enrolment.totpURI} label={t('secondFactor.scan.qrLabel')} />
      </div>
      <div className="second-factor__manual">
        <p className="second-factor__manual-intro">{t('secondFactor.scan.manual')}</p>
        <p className="second-factor__secret" data-testid="totp-secret">
          {groupSecret(secret)}
        </p>
      </div>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id="second-factor-code"
          name="code"
          label={t('secondFactor.scan.code')}
          description={t('secondFactor.scan.codeHelp')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={9}
          value={code}
          onChange={setCode}
          errorMessage={problems.error('code')}
          className="code-field"
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending}>
            {t('secondFactor.scan.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}

function CodesStep({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <StepCount step={3} />
      <PageHeading focusOnMount>{t('secondFactor.codes.heading')}</PageHeading>
      <p className="form-page__lead">{t('secondFactor.codes.lead')}</p>
      <p className="form-page__note">{t('secondFactor.codes.once')}</p>
      <BackupCodes
        codes={codes}
        doneLabel={t('secondFactor.codes.done')}
        onDone={() => {
          showToast({ title: t('secondFactor.enabledToast') });
          void navigate('/me');
        }}
      />
    </>
  );
}

/** Already on: a fresh set of backup codes, e.g. after the last ones were used or lost. */
function AlreadyOn() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const problems = useFormProblems({ password: 'second-factor-renew-password' });
  const mutation = useMutation({ mutationFn: newBackupCodes });
  const navigate = useNavigate();

  if (codes) {
    return (
      <>
        <PageHeading focusOnMount>{t('secondFactor.codes.newHeading')}</PageHeading>
        <p className="form-page__lead">{t('secondFactor.codes.lead')}</p>
        <p className="form-page__note">{t('secondFactor.codes.replaced')}</p>
        <BackupCodes
          codes={codes}
          doneLabel={t('secondFactor.codes.backToAccount')}
          onDone={() => void navigate('/me')}
        />
      </>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (password === '') return problems.show({ password: t('signIn.errors.passwordMissing') });
    mutation.mutate(password, {
      onSuccess: setCodes,
      onError: (error) => {
        if (authErrorCode(error) === 'INVALID_PASSWORD') {
          return problems.show({ password: t('secondFactor.errors.wrongPassword') });
        }
        problems.showFailure(error);
      },
    });
  }

  return (
    <>
      <PageHeading>{t('secondFactor.on.heading')}</PageHeading>
      <p className="form-page__lead">{t('secondFactor.on.lead')}</p>
      <h2 className="second-factor__subheading">{t('secondFactor.on.newCodesHeading')}</h2>
      <p>{t('secondFactor.on.newCodesBody')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <PasswordField
          id="second-factor-renew-password"
          name="password"
          label={t('secondFactor.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={problems.error('password')}
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending}>
            {t('secondFactor.on.newCodesSubmit')}
          </Button>
          <Link to="/me" className="second-factor__back">
            {t('secondFactor.codes.backToAccount')}
          </Link>
        </div>
      </Form>
    </>
  );
}

/** /me/second-factor: staff set up an authenticator app, and keep backup codes. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('secondFactor.title'));
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [started, setStarted] = useState(false);
  const profile = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });

  if (profile.isPending) return <p className="page-loading">{t('profile.loading')}</p>;
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 401) {
      return <Navigate to="/sign-in" replace />;
    }
    return (
      <div className="status-page">
        <PageHeading>{t('secondFactor.heading')}</PageHeading>
        <p className="status-page__body">{t('profile.loadFailed')}</p>
        <Button onPress={() => void profile.refetch()} isBusy={profile.isFetching}>
          {t('profile.retry')}
        </Button>
      </div>
    );
  }

  let content: ReactNode;
  if (!started && profile.data.secondFactor === 'enabled') {
    content = <AlreadyOn />;
  } else if (step.kind === 'password') {
    content = (
      <PasswordStep
        onEnrolled={(enrolment) => {
          setStarted(true);
          setStep({ kind: 'scan', enrolment });
        }}
      />
    );
  } else if (step.kind === 'scan') {
    content = (
      <ScanStep
        enrolment={step.enrolment}
        onVerified={() => {
          setStep({ kind: 'codes', codes: step.enrolment.backupCodes });
          // The session was renewed with the second factor on; the account page asks again.
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
        }}
      />
    );
  } else {
    content = <CodesStep codes={step.codes} />;
  }
  return <div className="form-page second-factor">{content}</div>;
}
