import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DialoguePreview, joinPreviewBody } from '../../../shared/dialogues/contract.ts';
import { ApiError } from '../../app/api.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useLinkToken } from '../conferences/useLinkToken.ts';
import { joinByToken, previewJoin, previewKey } from './api.ts';
import { DialogueExplained } from './DialogueExplained.tsx';
import { JoinForm } from './JoinForm.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './dialogues.css';

function LinkClosed() {
  const { t } = useTranslation();
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{t('dialogues.join.linkClosed.heading')}</PageHeading>
      <p className="status-page__body">{t('dialogues.join.linkClosed.body')}</p>
      <p>{t('dialogues.join.linkClosed.noFault')}</p>
      <div className="status-page__actions">
        <Link to="/" className={buttonClassName('secondary')}>
          {t('notFound.homeLink')}
        </Link>
      </div>
    </div>
  );
}

/** Why there is no form: the person takes part already, or the dialogue is over. */
function NoForm({ preview }: { preview: DialoguePreview }) {
  const { t } = useTranslation();
  if (preview.joined) {
    return (
      <div className="dialogue-join__form">
        <p>{t('dialogues.join.already')}</p>
        <Link to={`/dialogues/${preview.dialogueId}`} className={buttonClassName('primary')}>
          {t('dialogues.join.continue')}
        </Link>
      </div>
    );
  }
  return <p className="dialogue-notice">{t('dialogues.join.over')}</p>;
}

function PreviewView({ preview, token }: { preview: DialoguePreview; token: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const over = preview.state === 'closed' || preview.state === 'archived';
  return (
    <div className="dialogue-join">
      <p className="dialogue-eyebrow">{t('dialogues.join.eyebrow')}</p>
      <PageHeading>{preview.title}</PageHeading>
      {preview.description ? <p className="form-page__lead">{preview.description}</p> : null}
      <dl className="dialogue-facts">
        <div>
          <dt>{t('dialogues.facts.program')}</dt>
          <dd>{preview.programName}</dd>
        </div>
        <div>
          <dt>{t('dialogues.facts.closes')}</dt>
          <dd>{formatTime(preview.closesAt)}</dd>
        </div>
        <div>
          <dt>{t('dialogues.facts.moderation')}</dt>
          <dd>{t(`dialogues.moderationShort.${preview.moderation}`)}</dd>
        </div>
      </dl>
      <DialogueExplained />
      {preview.joined || over ? (
        <NoForm preview={preview} />
      ) : (
        <JoinForm
          dialogueLanguages={preview.languages}
          suggestedName={preview.you?.name ?? ''}
          officer={preview.you?.verifiedOfficer === true}
          join={(body) => joinByToken({ ...body, token })}
        />
      )}
    </div>
  );
}

/**
 * /dialogues/join#<token>: a resident's way into a public dialogue without an account. The page
 * explains the dialogue and what is kept, then lets them take part under a name they choose.
 */
export function JoinByLinkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dialogues.join.title'));
  const token = useLinkToken();
  const valid = joinPreviewBody.safeParse({ token }).success;
  const preview = useQuery({
    queryKey: previewKey(token),
    queryFn: ({ signal }) => previewJoin(token, signal),
    enabled: valid,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  if (!valid) return <LinkClosed />;
  if (preview.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (preview.isError) {
    if (preview.error instanceof ApiError && preview.error.status < 500) return <LinkClosed />;
    return (
      <div className="status-page">
        <PageHeading>{t('dialogues.join.title')}</PageHeading>
        <p className="status-page__body">{t('dialogues.loadFailed')}</p>
        <Button onPress={() => void preview.refetch()} isBusy={preview.isFetching}>
          {t('ui.retry')}
        </Button>
      </div>
    );
  }
  return <PreviewView preview={preview.data} token={token} />;
}
