import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail, JoinLink } from '../../../shared/dialogues/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { dialogueKey, makeJoinLink } from './api.ts';

/** The new link, shown this once: copy it, or show its QR code at a meeting. */
function NewLink({ link, onDone }: { link: JoinLink; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialogue-panel" role="status">
      <h3>{t('dialogues.link.readyHeading')}</h3>
      <p>{t('dialogues.link.once')}</p>
      <p className="dialogue-link__value" data-testid="dialogue-join-link">
        {link.url}
      </p>
      <div className="dialogue-link__qr">
        <QrCode value={link.url} label={t('dialogues.link.qrLabel')} />
      </div>
      <div className="form-actions">
        <Button
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(link.url);
              showToast({ title: t('dialogues.link.copied') });
            } catch {
              showToast({ title: t('dialogues.link.copyFailed') });
            }
          }}
        >
          {t('dialogues.link.copy')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('dialogues.link.done')}
        </Button>
      </div>
    </div>
  );
}

/** The public link residents join by, without an account; a new one ends the old one. */
export function JoinLinkSection({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<JoinLink | null>(null);
  const problems = useFormProblems({});
  const make = useMutation({ mutationFn: () => makeJoinLink(dialogue.id) });

  function onMake() {
    if (make.isPending) return;
    make.mutate(undefined, {
      onSuccess: (link) => {
        problems.clear();
        setFresh(link);
        void queryClient.invalidateQueries({ queryKey: dialogueKey(dialogue.id) });
      },
      onError: (error) => problems.showFailure(error),
    });
  }

  return (
    <section className="dialogue-section" aria-labelledby="dialogue-link-heading">
      <h2 id="dialogue-link-heading">{t('dialogues.link.heading')}</h2>
      <p>{t('dialogues.link.lead')}</p>
      {problems.summary}
      {fresh ? (
        <NewLink link={fresh} onDone={() => setFresh(null)} />
      ) : (
        <>
          {dialogue.hasJoinLink ? <p>{t('dialogues.link.live')}</p> : null}
          <Button
            variant={dialogue.hasJoinLink ? 'secondary' : 'primary'}
            onPress={onMake}
            isBusy={make.isPending}
          >
            {dialogue.hasJoinLink ? t('dialogues.link.replace') : t('dialogues.link.make')}
          </Button>
        </>
      )}
    </section>
  );
}
