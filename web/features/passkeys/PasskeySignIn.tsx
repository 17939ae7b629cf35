import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { authErrorCode } from '../../ui/useFormProblems.tsx';
import { canUsePasskeys, signInWithPasskey, wasCancelled } from './api.ts';
import './passkeys.css';

/**
 * "Sign in with a passkey", under the password form. A passkey is something the person has
 * (the device) unlocked by something they are or know (fingerprint, face, PIN): the server
 * takes it in place of both the password and the code from the app.
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: signInWithPasskey, onSuccess: onSignedIn });
  if (!canUsePasskeys()) return null;

  let message: string | undefined;
  const error = mutation.error;
  if (error) {
    if (wasCancelled(error)) message = t('passkeys.signIn.cancelled');
    else if (error instanceof NetworkError) message = t('forms.network');
    else if (error instanceof ApiError && error.status === 429) message = t('forms.tooMany');
    else if (authErrorCode(error) === 'PASSKEY_NOT_FOUND') message = t('passkeys.signIn.unknown');
    else message = t('forms.failed');
  }

  return (
    <div className="passkey-sign-in">
      <p className="passkey-sign-in__or">{t('passkeys.signIn.or')}</p>
      {message ? <ErrorSummary message={message} attempt={mutation.submittedAt} /> : null}
      <div className="form-actions">
        <Button
          variant="secondary"
          isBusy={mutation.isPending}
          onPress={() => {
            if (!mutation.isPending) mutation.mutate();
          }}
        >
          {t('passkeys.signIn.button')}
        </Button>
      </div>
      <p className="passkey-sign-in__help">{t('passkeys.signIn.help')}</p>
    </div>
  );
}
