import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { commitmentOwnerChoices } from '../../../shared/commitments/contract.ts';
import { ApiError, api } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import {
  circleKey,
  fetchCircle,
  fetchHarvest,
  fetchTranscript,
  fetchVoice,
  harvestKey,
  transcriptKey,
  voiceKey,
} from './api.ts';
import { HarvestEditor } from './HarvestEditor.tsx';
import { HarvestText, ReviewForm, Reviews } from './HarvestView.tsx';
import { RoleBadge } from './SeatingRing.tsx';
import { VoiceTable } from './VoiceTable.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

/** The program's people and organisations who may own a commitment, as the register asks. */
function useOwnerChoices(programId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['commitments', 'owners', programId],
    queryFn: ({ signal }) =>
      api(`/api/programs/${encodeURIComponent(programId)}/commitment-owners`, {
        schema: commitmentOwnerChoices,
        signal,
      }),
    retry: retryUnlessRefused,
    enabled,
  });
}

/** The words of the circle, kept because everyone agreed; for the people who were in it. */
function Transcript({ circleId }: { circleId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const transcript = useQuery({
    queryKey: transcriptKey(circleId),
    queryFn: ({ signal }) => fetchTranscript(circleId, signal),
    retry: retryUnlessRefused,
  });
  return (
    <section className="circle-section" aria-labelledby="harvest-transcript">
      <h2 id="harvest-transcript">{t('circles.harvest.transcriptHeading')}</h2>
      {transcript.data && transcript.data.length > 0 ? (
        <ol className="transcript">
          {transcript.data.map((message) => (
            <li key={`${message.at}-${message.name}`}>
              <p className="message__who">
                <span className="message__name">{message.name}</span>
                <RoleBadge role={message.role} />{' '}
                <span className="circle-muted">
                  {t(`circles.stages.${message.stage}`)} · {formatDateTime(message.at)}
                </span>
              </p>
              <p className="message__text">{message.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('circles.harvest.noTranscript')}</p>
      )}
    </section>
  );
}

function Voice({ circleId }: { circleId: string }) {
  const { t } = useTranslation();
  const voice = useQuery({
    queryKey: voiceKey(circleId),
    queryFn: ({ signal }) => fetchVoice(circleId, signal),
    retry: retryUnlessRefused,
  });
  if (!voice.data) return null;
  return (
    <section className="circle-section" aria-labelledby="harvest-voice">
      <h2 id="harvest-voice">{t('circles.harvest.voiceHeading')}</h2>
      <p>{t('circles.harvest.voiceLead')}</p>
      <VoiceTable voice={voice.data} caption={t('circles.harvest.voiceCaption')} />
    </section>
  );
}

/**
 * /circles/:circleId/harvest: after the circle, its keeper writes the themes and commitments,
 * shares them, reads the participants' reviews and makes the harvest final; participants read
 * it on their phones and approve or comment.
 */
export function HarvestPage() {
  const { t } = useTranslation();
  const { circleId = '' } = useParams();
  useSignedIn();
  const circle = useQuery({
    queryKey: circleKey(circleId),
    queryFn: ({ signal }) => fetchCircle(circleId, signal),
    retry: retryUnlessRefused,
  });
  const harvest = useQuery({
    queryKey: harvestKey(circleId),
    queryFn: ({ signal }) => fetchHarvest(circleId, signal),
    retry: retryUnlessRefused,
  });
  const keeper = circle.data?.can.harvest === true;
  const owners = useOwnerChoices(
    circle.data?.programId ?? '',
    keeper && harvest.data?.canEdit === true,
  );
  useDocumentTitle(
    circle.data
      ? t('circles.harvest.title', { purpose: circle.data.purpose })
      : t('circles.harvest.titleShort'),
  );

  if (circle.isPending || harvest.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  const notShared =
    harvest.error instanceof ApiError && harvest.error.status === 404 && circle.data;
  if (!circle.data || (!harvest.data && !notShared)) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.harvest.titleShort')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={circle.error ?? harvest.error}
          refused={t('circles.harvest.notAllowed')}
          onRetry={() => {
            void circle.refetch();
            void harvest.refetch();
          }}
        />
      </div>
    );
  }
  const { purpose, programId } = circle.data;
  const data = harvest.data;
  return (
    <div className="circle-page harvest">
      <p className="circle-page__eyebrow">{t('circles.harvest.eyebrow')}</p>
      <PageHeading>{purpose}</PageHeading>
      {!data ? (
        <p className="circle-notice">{t('circles.harvest.notSharedYet')}</p>
      ) : (
        <>
          <p className="circle-notice">{t(`circles.harvest.statusNote.${data.status}`)}</p>
          {data.canEdit && owners.data ? (
            <HarvestEditor circleId={circleId} harvest={data} choices={owners.data} />
          ) : null}
          {data.canEdit && owners.isPending ? (
            <p className="page-loading">{t('app.loading')}</p>
          ) : null}
          {data.canEdit ? null : <HarvestText harvest={data} />}
          {data.canReview ? <ReviewForm circleId={circleId} harvest={data} /> : null}
          {keeper && data.status !== 'draft' ? (
            <Reviews circleId={circleId} harvest={data} programId={programId} />
          ) : null}
        </>
      )}
      {keeper ? <Voice circleId={circleId} /> : null}
      {keeper || circle.data.participantId ? <Transcript circleId={circleId} /> : null}
      <p className="circle-back">
        <Link to={`/circles/${circleId}`}>{t('circles.harvest.backToCircle')}</Link>
      </p>
    </div>
  );
}
