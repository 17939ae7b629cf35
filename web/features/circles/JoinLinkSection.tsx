import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CircleDetail, JoinLink } from '../../../shared/circles/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { circleKey, makeJoinLink, revokeJoinLink } from './api.ts';
import { useFormatCircleTime } from './format.ts';

/** The new link, shown this once: copy it or show its QR code to people in the room. */
function NewLink({
  link,
  timeZone,
  onDone,
}: {
  link: JoinLink;
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const formatTime = useFormatCircleTime();
  return (
    <div className="circle-panel circle-join-link" role="status">
      <h3 className="circle-panel__heading">{t('circles.detail.link.readyHeading')}</h3>
      <p>{t('circles.detail.link.once')}</p>
      <p className="circle-join-link__value" data-testid="circle-join-link">
        {link.url}
      </p>
      <p className="circle-muted">
        {t('circles.detail.link.until', { date: formatTime(link.expiresAt, timeZone) })}
      </p>
      <div className="circle-join-link__qr">
        <QrCode value={link.url} label={t('circles.detail.link.qrLabel')} />
      </div>
      <div className="form-actions">
        <Button
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(link.url);
              showToast({ title: t('circles.detail.link.copied') });
            } catch {
              showToast({ title: t('circles.detail.link.copyFailed') });
            }
          }}
        >
          {t('circles.detail.link.copy')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('circles.detail.link.done')}
        </Button>
      </div>
    </div>
  );
}

/** A join link for people without an account: made, shown once, and withdrawn when needed. */
export function JoinLinkSection({ circle }: { circle: CircleDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formatTime = useFormatCircleTime();
  const [fresh, setFresh] = useState<JoinLink | null>(null);
  const problems = useFormProblems({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: circleKey(circle.id) });
  const make = useMutation({ mutationFn: () => makeJoinLink(circle.id) });
  const revoke = useMutation({ mutationFn: () => revokeJoinLink(circle.id) });

  function onMake() {
    if (make.isPending) return;
    make.mutate(undefined, {
      onSuccess: (link) => {
        problems.clear();
        setFresh(link);
        void refresh();
      },
      onError: (error) => problems.showFailure(error),
    });
  }

  return (
    <section className="circle-section" aria-labelledby="circle-link-heading">
      <h2 id="circle-link-heading">{t('circles.detail.link.heading')}</h2>
      <p>{t('circles.detail.link.lead')}</p>
      {problems.summary}
      {fresh ? (
        <NewLink link={fresh} timeZone={circle.timeZone} onDone={() => setFresh(null)} />
      ) : circle.joinLink ? (
        <>
          <p>
            {t('circles.detail.link.live', {
              date: formatTime(circle.joinLink.expiresAt, circle.timeZone),
            })}
          </p>
          <div className="form-actions">
            <Button variant="secondary" onPress={onMake} isBusy={make.isPending}>
              {t('circles.detail.link.replace')}
            </Button>
            <DialogTrigger>
              <Button variant="danger">{t('circles.detail.link.revoke')}</Button>
              <Dialog title={t('circles.detail.link.revokeTitle')}>
                {(close) => (
                  <>
                    <p>{t('circles.detail.link.revokeBody')}</p>
                    <div className="form-actions">
                      <Button
                        variant="danger"
                        isBusy={revoke.isPending}
                        onPress={() => {
                          if (revoke.isPending) return;
                          revoke.mutate(undefined, {
                            onSuccess: () => {
                              close();
                              showToast({ title: t('circles.detail.link.revoked') });
                              void refresh();
                            },
                            onError: (error) => {
                              close();
                              problems.showFailure(error);
                            },
                          });
                        }}
                      >
                        {t('circles.detail.link.revokeConfirm')}
                      </Button>
                      <Button variant="quiet" onPress={close}>
                        {t('circles.detail.keep')}
                      </Button>
                    </div>
                  </>
                )}
              </Dialog>
            </DialogTrigger>
          </div>
        </>
      ) : (
        <Button onPress={onMake} isBusy={make.isPending}>
          {t('circles.detail.link.make')}
        </Button>
      )}
    </section>
  );
}
