import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Phase, phases } from '../../../shared/measurement/contract.ts';
import { ApiError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { AnswerStateMessage, AnswerView } from './AnswerView.tsx';
import { type PublicLink, pulseTokenKey, startPulse } from './api.ts';
import { rememberedToken, rememberToken, sessionStore } from './pulse-token.ts';
import '../../app/status-page.css';
import './measurement.css';

/** This tab's token for the link: the one kept from earlier in the visit, or a fresh one. */
async function tokenFor(link: PublicLink): Promise<string> {
  const store = sessionStore();
  const key = link.phase ? `${link.slug}/${link.phase}` : link.slug;
  const kept = rememberedToken(store, key, new Date());
  if (kept) return kept;
  const started = await startPulse(link);
  rememberToken(store, key, started);
  return started.token;
}

const isPhase = (text: string): text is Phase => (phases as readonly string[]).includes(text);

/** Why the link starts no answer: in plain words, never an error screen. */
function NotTaking({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('measurement.answer.title'));
  const code = error?.problem?.code;
  if (code === 'closed' || code === 'upcoming') {
    return <AnswerStateMessage state={code} survey={null} />;
  }
  const words =
    error?.status === 429
      ? 'busy'
      : error === null || error.status === 404 || error.status === 400
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
 * /pulse/:slug: a community pulse's public link, from a poster's QR code; /pulse/:slug/before
 * and /pulse/:slug/after: a training survey's two links. Each visit starts its own one-use
 * token, kept for the tab so that a reload answers on the same one.
 */
export function PulsePage() {
  const { t } = useTranslation();
  const { slug = '', phase } = useParams();
  // A side other than before or after is a mistyped link: nothing is started for it.
  const unknownSide = phase !== undefined && !isPhase(phase);
  const link: PublicLink = { slug, phase: phase !== undefined && isPhase(phase) ? phase : null };
  const token = useQuery({
    queryKey: pulseTokenKey(link),
    queryFn: () => tokenFor(link),
    enabled: !unknownSide,
    // A token is for the visit: never fetched again behind the person's back.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  if (unknownSide) return <NotTaking error={null} onRetry={() => undefined} />;
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
