import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { Button as AriaButton, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../ui/FormActions.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authErrorCode, useFormProblems } from '../../ui/useFormProblems.tsx';
import { AppCodeField } from '../second-factor/AppCodeField.tsx';
import { digitsOf, verifyBackupCode, verifyCode } from '../second-factor/api.ts';

type Mode = 'app' | 'backup';

const fieldIds = { code: 'sign-in-code' } as const;

/**
 * The second step of signing in for staff: a code from their authenticator app, or one of their
 * backup codes. `onExpired` sends them back to the password when the step ran out of time.
 */
export function SecondStep({
  onSignedIn,
  onExpired,
}: {
  onSignedIn: () => void;
  onExpired: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('app');
  const [code, setCode] = useState('');
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: ({ mode, code }: { mode: Mode; code: string }) =>
      mode === 'app' ? verifyCode(code) : verifyBackupCode(code),
  });

  const focusedMode = useRef(mode);
  // The field changed under the person's finger: put them in it in the same commit that shows it,
  // so that nothing (not even a quick keystroke) lands between the new field and its focus.
  useLayoutEffect(() => {
    if (focusedMode.current === mode) return;
    focusedMode.current = mode;
    document.getElementById(fieldIds.code)?.focus();
  }, [mode]);

  function switchMode() {
    setMode(mode === 'app' ? 'backup' : 'app');
    setCode('');
    problems.clear();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const value = mode === 'app' ? digitsOf(code) : code.trim();
    if (mode === 'app' && value.length !== 6) {
      return problems.show({ code: t('secondFactor.errors.codeShape') });
    }
    if (mode === 'backup' && value === '') {
      return problems.show({ code: t('signIn.second.backupMissing') });
    }
    mutation.mutate(
      { mode, code: value },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          switch (authErrorCode(error)) {
            case 'INVALID_CODE':
              return problems.show({ code: t('secondFactor.errors.codeWrong') });
            case 'INVALID_BACKUP_CODE':
              return problems.show({ code: t('signIn.second.backupWrong') });
            case 'INVALID_TWO_FACTOR_COOKIE':
              return onExpired();
            case 'ACCOUNT_TEMPORARILY_LOCKED':
            case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
              return problems.show({}, t('signIn.second.locked'));
            default:
              return problems.showFailure(error);
          }
        },
      },
    );
  }

  return (
    <>
      <PageHeading focusOnMount>{t('signIn.second.heading')}</PageHeading>
      <p className="form-page__lead">
        {mode === 'app' ? t('signIn.second.leadApp') : t('signIn.second.leadBackup')}
      </p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        {mode === 'app' ? (
          <AppCodeField
            key="app"
            id={fieldIds.code}
            label={t('signIn.second.code')}
            description={t('signIn.second.codeHelp')}
            value={code}
            onChange={setCode}
            errorMessage={problems.error('code')}
          />
        ) : (
          <TextField
            key="backup"
            id={fieldIds.code}
            name="backup-code"
            label={t('signIn.second.backupCode')}
            description={t('signIn.second.backupHelp')}
            autoComplete="off"
            spellCheck="false"
            value={code}
            onChange={setCode}
            errorMessage={problems.error('code')}
            className="code-field code-field--backup"
          />
        )}
        <FormActions submit={t('signIn.second.submit')} isBusy={mutation.isPending} />
      </Form>
      <div className="form-aside">
        <p>
          <AriaButton className="link-button" onPress={switchMode}>
            {mode === 'app' ? t('signIn.second.useBackup') : t('signIn.second.useApp')}
          </AriaButton>
        </p>
        <p>{t('signIn.second.noAccess')}</p>
      </div>
    </>
  );
}
