import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { ApiError } from './api.ts';
import type { SignInState } from './session.ts';

/**
 * What a page shows when its data did not come: to sign in (and come back here) when
 * signed out; `refused` when the server said no (403/404), so as not to tell which; otherwise a
 * calm word about the connection with a way to try again.
 */
export function LoadProblem({
  error,
  refused,
  failed,
  onRetry,
}: {
  error: unknown;
  refused: string;
  /** The page's own words for a failed load, with what to do. */
  failed: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401) {
    const state: SignInState = { returnTo: `${pathname}${search}` };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  // A malformed address (400) is as absent as an unknown one.
  if (status === 400 || status === 403 || status === 404) {
    return <p className="status-page__body">{refused}</p>;
  }
  return (
    <div role="alert">
      <p className="status-page__body">{failed}</p>
      <Button onPress={onRetry}>{t('ui.retry')}</Button>
    </div>
  );
}

/** Retry a failed read once, but not a refusal: the answer will not change. */
export const retryUnlessRefused = (failures: number, error: unknown) =>
  !(error instanceof ApiError) && failures < 1;
