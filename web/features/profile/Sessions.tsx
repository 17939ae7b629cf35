import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/profile/contract.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure } from '../../ui/useFormProblems.tsx';
import { endSession, fetchSessions, sessionsQueryKey } from './api.ts';
import { ProfileSection } from './ProfileSection.tsx';

function SessionItem({
  session,
  onEnd,
  isEnding,
}: {
  session: SessionSummary;
  onEnd: () => void;
  isEnding: boolean;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  // The server names a device it cannot tell "Unknown device", in English: say it in the page's.
  const known = session.device !== '' && session.device !== 'Unknown device';
  const device = known ? session.device : t('profile.sessions.unknownDevice');
  return (
    <li className={`profile__item${session.current ? ' profile__item--current' : ''}`}>
      <div className="profile__item-text">
        <span className="profile__item-name">
          {device}
          {session.current ? (
            <span className="badge badge--sage">{t('profile.sessions.thisDevice')}</span>
          ) : null}
        </span>
        <span className="profile__item-when">
          {t('profile.sessions.signedIn', { when: formatDateTime(session.createdAt) })}
        </span>
        <span className="profile__item-when">
          {t('profile.sessions.lastActive', { when: formatDateTime(session.lastActiveAt) })}
        </span>
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          isBusy={isEnding}
          onPress={onEnd}
          aria-label={t('profile.sessions.endLabel', { device })}
        >
          {t('profile.sessions.end')}
        </Button>
      )}
    </li>
  );
}

/** Every device where the person is signed in; any other one can be signed out from here. */
export function Sessions({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const sessions = useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => fetchSessions(signal),
  });
  const mutation = useMutation({
    mutationFn: endSession,
    onSuccess: (_, sessionId) => {
      setFailure(null);
      queryClient.setQueryData<SessionSummary[]>(sessionsQueryKey, (old) =>
        old?.filter((session) => session.id !== sessionId),
      );
      showToast({ title: t('profile.sessions.ended') });
    },
    onError: (error) => {
      // Already gone (404) is what was asked for.
      const { message } = describeFailure(t, error, {});
      setFailure((previous) => ({
        message: message ?? t('forms.failed'),
        attempt: (previous?.attempt ?? 0) + 1,
      }));
    },
  });

  let body: ReactNode;
  if (sessions.isPending) body = <p className="page-loading">{t('app.loading')}</p>;
  else if (sessions.isError) {
    body = (
      <div>
        <p>{t('profile.sessions.loadFailed')}</p>
        <Button variant="secondary" onPress={() => void sessions.refetch()}>
          {t('profile.retry')}
        </Button>
      </div>
    );
  } else {
    const ordered = [...sessions.data].sort((a, b) => Number(b.current) - Number(a.current));
    body = (
      <ul className="profile__items">
        {ordered.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            isEnding={mutation.isPending && mutation.variables === session.id}
            onEnd={() => {
              if (!mutation.isPending) mutation.mutate(session.id);
            }}
          />
        ))}
      </ul>
    );
  }

  return (
    <ProfileSection id="profile-sessions" heading={t('profile.sessions.heading')}>
      <p>{hasPassword ? t('profile.sessions.lead') : t('profile.sessions.leadNoPassword')}</p>
      {failure ? <ErrorSummary message={failure.message} attempt={failure.attempt} /> : null}
      {body}
    </ProfileSection>
  );
}
