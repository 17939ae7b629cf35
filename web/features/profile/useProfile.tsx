import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { ApiError } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { fetchProfile } from './api.ts';
import '../../app/status-page.css';

/** The person signed in, for the pages that are theirs alone. */
export function useProfile(): UseQueryResult<ProfileResponse> {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    // Not signed in (or the session ended) is an answer, not a hiccup: don't ask twice.
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
}

/**
 * What such a page shows until the profile is here: a calm word while it loads, the sign-in
 * page when no one is signed in, and a way to try again when it could not be loaded.
 */
export function ProfileNotReady({
  profile,
  heading,
}: {
  profile: UseQueryResult<ProfileResponse>;
  heading: string;
}) {
  const { t } = useTranslation();
  if (profile.isPending) return <p className="page-loading">{t('profile.loading')}</p>;
  if (profile.error instanceof ApiError && profile.error.status === 401) {
    return <Navigate to="/sign-in" replace />;
  }
  return (
    <div className="status-page">
      <PageHeading>{heading}</PageHeading>
      <p className="status-page__body">{t('profile.loadFailed')}</p>
      <Button
        onPress={() => {
          if (!profile.isFetching) void profile.refetch();
        }}
        isBusy={profile.isFetching}
      >
        {t('profile.retry')}
      </Button>
    </div>
  );
}
