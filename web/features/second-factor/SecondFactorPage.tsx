import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { meQueryKey } from '../../app/session.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { authErrorCode, useFormProblems } from '../../ui/useFormProblems.tsx';
import { ProfileNotReady, useProfile } from '../profile/useProfile.tsx';
import { AppCodeField } from './AppCodeField.tsx';
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

/**
 * The password typed again, before anything about the second factor changes: a form of its
 * own, which sends it with `send` and hands the answer to `onDone`.
 */
function PasswordForm<T>({
  id,
  description,
  submit,
  send,
  onDone,
  children,
}: {
  id: string;
  description?: string;
  submit: string;
  send: (password: string) => Promise<T>;
  onDone: (answer: T) => void;
  /** Beside the submit button, e.g. a way back. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const problems = useFormProblems({ password: id });
  const mutation = useMutation({ mutationFn: send });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (password === '') return problems.show({ password: t('signIn.errors.passwordMissing') });
    mutation.mutate(password, {
      onSuccess: onDone,
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
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <PasswordField
          id={id}
          name="password"
          label={t('secondFactor.password')}
          description={description}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={problems.error('password')}
        />
        <FormActions submit={submit} isBusy={mutation.isPending}>
          {children}
        </FormActions>
      </Form>
    </>
  );
}

function PasswordStep({ onEnrolled }: { onEnrolled: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <StepCount step={1} />
      <PageHeading>{t('secondFactor.heading')}</PageHeading>
      <p className="form-page__lead">{t('secondFactor.lead')}</p>
      <p>{t('secondFactor.needApp')}</p>
      <PasswordForm
        id="second-factor-password"
        description={t('secondFactor.passwordHelp')}
        submit={t('secondFactor.continue')}
        send={startEnrolment}
        onDone={onEnrolled}
      />
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
        <AppCodeField
          id="second-factor-code"
          label={t('secondFactor.scan.code')}
          description={t('secondFactor.scan.codeHelp')}
          value={code}
          onChange={setCode}
          errorMessage={problems.error('code')}
        />
        <FormActions submit={t('secondFactor.scan.submit')} isBusy={mutation.isPending} />
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
  const [codes, setCodes] = useState<string[] | null>(null);
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

  return (
    <>
      <PageHeading>{t('secondFactor.on.heading')}</PageHeading>
      <p className="form-page__lead">{t('secondFactor.on.lead')}</p>
      <h2 className="second-factor__subheading">{t('secondFactor.on.newCodesHeading')}</h2>
      <p>{t('secondFactor.on.newCodesBody')}</p>
      <PasswordForm
        id="second-factor-renew-password"
        submit={t('secondFactor.on.newCodesSubmit')}
        send={newBackupCodes}
        onDone={setCodes}
      >
        <Link to="/me" className="second-factor__back">
          {t('secondFactor.codes.backToAccount')}
        </Link>
      </PasswordForm>
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
  const profile = useProfile();
  if (!profile.isSuccess) {
    return <ProfileNotReady profile={profile} heading={t('secondFactor.heading')} />;
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
