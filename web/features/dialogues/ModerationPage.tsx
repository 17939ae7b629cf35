import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ModeratedStatement } from '../../../shared/dialogues/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure } from '../../ui/useFormProblems.tsx';
import {
  blockParticipant,
  dialogueKey,
  dialoguesKey,
  fetchDialogue,
  fetchModeration,
  moderate,
  moderationKey,
} from './api.ts';
import { AuthorMark, StatusMark } from './marks.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

/** A decision changes the queue, the dialogue's count and the lists: refresh them all. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: dialoguesKey });
}

/** Accept, reject (with a reason the author reads), hide, and block the author. */
function Actions({ dialogueId, item }: { dialogueId: string; item: ModeratedStatement }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const accept = useMutation({
    mutationFn: () => moderate(dialogueId, item.id, { decision: 'accept' }),
  });
  const number = item.number;
  const waiting = item.status === 'pending' || item.status === 'held';
  const shown = item.status === 'accepted';
  return (
    <div className="moderation-item__actions">
      {waiting || item.status === 'hidden' ? (
        <Button
          // Crisis wording: reaching out comes first, so publishing is not the obvious button.
          variant={item.crisis ? 'secondary' : 'primary'}
          isBusy={accept.isPending}
          aria-label={t('dialogues.moderation.acceptFull', { number })}
          onPress={() => {
            if (accept.isPending) return;
            accept.mutate(undefined, {
              onSuccess: () => {
                showToast({ title: t('dialogues.moderation.accepted', { number }) });
                refresh();
              },
              onError: (error) =>
                showToast({
                  title: t('dialogues.moderation.failed'),
                  description: describeFailure(t, error, {}).message,
                }),
            });
          }}
        >
          {t('dialogues.moderation.accept')}
        </Button>
      ) : null}
      {waiting ? (
        <ReasonAction
          label={t('dialogues.moderation.reject')}
          ariaLabel={t('dialogues.moderation.rejectFull', { number })}
          title={t('dialogues.moderation.rejectTitle', { number })}
          body={t('dialogues.moderation.rejectBody')}
          fieldLabel={t('dialogues.moderation.reasonLabel')}
          fieldHelp={t('dialogues.moderation.reasonHelp')}
          confirm={t('dialogues.moderation.rejectConfirm')}
          done={t('dialogues.moderation.rejected', { number })}
          variant="danger"
          send={(reason) => moderate(dialogueId, item.id, { decision: 'reject', reason })}
          onDone={refresh}
        />
      ) : null}
      {shown || (item.reports.length > 0 && item.status !== 'hidden') ? (
        <ReasonAction
          label={t('dialogues.moderation.hide')}
          ariaLabel={t('dialogues.moderation.hideFull', { number })}
          title={t('dialogues.moderation.hideTitle', { number })}
          body={t('dialogues.moderation.hideBody')}
          fieldLabel={t('dialogues.moderation.reasonLabel')}
          fieldHelp={t('dialogues.moderation.reasonHelp')}
          confirm={t('dialogues.moderation.hideConfirm')}
          done={t('dialogues.moderation.hidden', { number })}
          variant="danger"
          send={(reason) => moderate(dialogueId, item.id, { decision: 'hide', reason })}
          onDone={refresh}
        />
      ) : null}
      {item.authorParticipantId && !item.authorBlocked ? (
        <ReasonAction
          label={t('dialogues.moderation.block')}
          ariaLabel={t('dialogues.moderation.blockFull', { number })}
          title={t('dialogues.moderation.blockTitle')}
          body={t('dialogues.moderation.blockBody')}
          fieldLabel={t('dialogues.moderation.blockReason')}
          confirm={t('dialogues.moderation.blockConfirm')}
          done={t('dialogues.moderation.blocked')}
          variant="danger"
          triggerVariant="quiet"
          send={(reason) => blockParticipant(dialogueId, item.authorParticipantId ?? '', reason)}
          onDone={refresh}
        />
      ) : null}
    </div>
  );
}

function Item({ dialogueId, item }: { dialogueId: string; item: ModeratedStatement }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  return (
    <li className={`moderation-item${item.crisis ? ' moderation-item--crisis' : ''}`}>
      <div className="moderation-item__head">
        <h3 className="moderation-item__title">
          {t('dialogues.vote.statementNumber', { number: item.number })}
        </h3>
        <StatusMark status={item.status} />
        {item.crisis ? (
          <span className="badge moderation-crisis">{t('dialogues.moderation.crisis')}</span>
        ) : null}
      </div>
      {item.crisis ? (
        <p className="moderation-item__guidance">{t('dialogues.moderation.crisisGuidance')}</p>
      ) : null}
      <p className="moderation-item__text" lang={item.language}>
        {item.text}
      </p>
      <p className="dialogue-muted">
        <AuthorMark role={item.authorRole} />{' '}
        {item.authorName
          ? t('dialogues.moderation.by', { name: item.authorName, date: formatTime(item.at) })
          : formatTime(item.at)}
        {item.authorBlocked ? ` · ${t('dialogues.moderation.authorBlocked')}` : ''}
      </p>
      {item.reports.length > 0 ? (
        <div className="moderation-item__reports">
          <p>
            <strong>{t('dialogues.moderation.reports', { count: item.reports.length })}</strong>
          </p>
          <ul>
            {item.reports.map((report) => (
              <li key={`${report.at}-${report.reason}`}>{report.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.reason ? (
        <p>
          <strong>{t('dialogues.outcomes.reason')}</strong> {item.reason}
        </p>
      ) : null}
      <Actions dialogueId={dialogueId} item={item} />
    </li>
  );
}

/** /dialogues/:dialogueId/moderation: the facilitator's queue, held statements first. */
export function ModerationPage() {
  const { t } = useTranslation();
  const { dialogueId = '' } = useParams();
  useDocumentTitle(t('dialogues.moderation.title'));
  useSignedIn();
  const dialogue = useQuery({
    queryKey: dialogueKey(dialogueId),
    queryFn: ({ signal }) => fetchDialogue(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  const queue = useQuery({
    queryKey: moderationKey(dialogueId),
    queryFn: ({ signal }) => fetchModeration(dialogueId, signal),
    retry: retryUnlessRefused,
  });
  if (dialogue.isPending || queue.isPending) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!dialogue.data || !queue.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.moderation.title')}</PageHeading>
        <LoadProblem
          failed={t('dialogues.loadFailed')}
          error={dialogue.error ?? queue.error}
          refused={t('dialogues.moderation.notAllowed')}
          onRetry={() => {
            void dialogue.refetch();
            void queue.refetch();
          }}
        />
      </div>
    );
  }
  const { waiting, decided } = queue.data;
  return (
    <div className="dialogues-page moderation">
      <p className="dialogue-eyebrow">
        <Link to={`/dialogues/${dialogueId}`}>{dialogue.data.title}</Link>
      </p>
      <PageHeading>{t('dialogues.moderation.title')}</PageHeading>
      <p className="form-page__lead">{t('dialogues.moderation.lead')}</p>
      <section className="dialogue-section" aria-labelledby="moderation-waiting">
        <h2 id="moderation-waiting">
          {t('dialogues.moderation.waiting', { count: waiting.length })}
        </h2>
        {waiting.length === 0 ? (
          <p>{t('dialogues.moderation.nothingWaiting')}</p>
        ) : (
          <ul className="moderation-list">
            {waiting.map((item) => (
              <Item key={item.id} dialogueId={dialogueId} item={item} />
            ))}
          </ul>
        )}
      </section>
      <section className="dialogue-section" aria-labelledby="moderation-decided">
        <h2 id="moderation-decided">{t('dialogues.moderation.decided')}</h2>
        {decided.length === 0 ? (
          <p>{t('dialogues.moderation.nothingDecided')}</p>
        ) : (
          <details className="moderation-decided">
            <summary>{t('dialogues.moderation.showDecided', { count: decided.length })}</summary>
            <ul className="moderation-list">
              {decided.map((item) => (
                <Item key={item.id} dialogueId={dialogueId} item={item} />
              ))}
            </ul>
          </details>
        )}
      </section>
    </div>
  );
}
