import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { AnswerStateMessage, AnswerView } from './AnswerView.tsx';
import { pulseTokenKey, startPulse } from './api.ts';
import { rememberedToken, rememberToken, sessionStore } from './pulse-token.ts';
import '../../app/status-page.css';
import './measurement.css';

/** This tab's token for the pulse: the one kept from earlier in the visit, or a fresh one. */
async function tokenFor(slug: string): Promise<string> {
  const store = sessionStore();
  const kept = rememberedToken(store, slug, new Date());
  if (kept) return kept;
  const started = await startPulse(slug);
  rememberToken(store, slug, started);
  return started.token;
}

/** Why the pulse starts no answer: in plain words, never an error screen. */
function NotTaking({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('measurement.answer.title'));
  const code = error.problem?.code;
  if (code === 'closed' || code === 'upcoming') {
    return <AnswerStateMessage state={code} survey={null} />;
  }
  const words =
    error.status === 429
      ? 'busy'
      : error.status === 404 || error.status === 400
        ? 'notFound'
        : ('notTaking' as const);
  return (
    <div className="survey-answer status-page">
      <PageHeading focusOnMount>{t(`measurement.answer.${words}.heading`)}</PageHeading>
      <p className="status-page__body">{t(`measurement.answer.${words}.body`)}</p>
      {words === 'busy' ? <Button onPress={onRetry}>{t('ui.retry')}</Button> : null}
    </div>
  );
}

/**
 * /pulse/:slug: a community pulse's public link, from a poster's QR code. Each visit starts its
 * own one-use token, kept for the tab so that a reload answers on the same one.
 */
export function PulsePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const token = useQuery({
    queryKey: pulseTokenKey(slug),
    queryFn: () => tokenFor(slug),
    // A token is for the visit: never fetched again behind the person's back.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  if (token.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (token.isError) {
    if (token.error instanceof ApiError && token.error.status < 500) {
      return <NotTaking error={token.error} onRetry={() => void token.refetch()} />;
    }
    return <StartFailed onRetry={() => void token.refetch()} isBusy={token.isFetching} />;
  }
  return <AnswerView token={token.data} />;
}

/** No answer from the server at all (a dropped connection): a calm word and a way to retry. */
function StartFailed({ onRetry, isBusy }: { onRetry: () => void; isBusy: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('measurement.answer.title'));
  return (
    <div className="survey-answer status-page">
      <PageHeading>{t('measurement.answer.title')}</PageHeading>
      <div role="alert">
        <p className="status-page__body">{t('measurement.answer.loadFailed')}</p>
        <Button onPress={onRetry} isBusy={isBusy}>
          {t('ui.retry')}
        </Button>
      </div>
    </div>
  );
}
