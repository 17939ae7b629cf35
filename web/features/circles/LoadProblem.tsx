import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../app/api.ts';
import type { SignInState } from '../../app/session.ts';
import { Button } from '../../ui/Button.tsx';

/**
 * What a circle page shows when its data did not come: to sign in (and come back here) when
 * signed out; `refused` when the server said no (403/404), so as not to tell which; otherwise a
 * calm word about the connection with a way to try again.
 */
export function LoadProblem({
  error,
  refused,
  onRetry,
}: {
  error: unknown;
  refused: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401) {
    const state: SignInState = { returnTo: `${pathname}${search}` };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (status === 400 || status === 403 || status === 404) {
    return <p className="status-page__body">{refused}</p>;
  }
  return (
    <div role="alert">
      <p className="status-page__body">{t('circles.loadFailed')}</p>
      <Button onPress={onRetry}>{t('circles.retry')}</Button>
    </div>
  );
}

/** Retry a failed read once, but not a refusal: the answer will not change. */
export const retryUnlessRefused = (failures: number, error: unknown) =>
  !(error instanceof ApiError) && failures < 1;
