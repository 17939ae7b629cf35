import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceSettings, ReferralLink } from '../../../shared/conferences/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { makeReferralLink, settingsKey } from './api.ts';
import { ActionProblem } from './marks.tsx';
import { OnceLink } from './OnceLink.tsx';
import { useActionProblem } from './useCaseChange.ts';

/** The program's public referral link: made here, shown once; a new one ends the old one. */
export function ReferralLinkSection({ settings }: { settings: ConferenceSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<ReferralLink | null>(null);
  const problem = useActionProblem();
  const make = useMutation({ mutationFn: () => makeReferralLink(settings.programId) });

  function onMake() {
    if (make.isPending) return;
    problem.clear();
    make.mutate(undefined, {
      onSuccess: (link) => {
        setFresh(link);
        void queryClient.invalidateQueries({ queryKey: settingsKey(settings.programId) });
      },
      onError: problem.show,
    });
  }

  return (
    <section className="conference-section" aria-labelledby="referral-link-heading">
      <h2 id="referral-link-heading">{t('conferences.settings.link.heading')}</h2>
      <p>{t('conferences.settings.link.lead')}</p>
      {fresh ? (
        <OnceLink
          heading={t('conferences.settings.link.readyHeading')}
          url={fresh.url}
          onDone={() => setFresh(null)}
          testId="referral-link"
        >
          <p>{t('conferences.settings.link.once')}</p>
        </OnceLink>
      ) : (
        <>
          <p className="case-muted">
            {settings.hasReferralLink
              ? t('conferences.settings.link.live')
              : t('conferences.settings.link.none')}
          </p>
          <Button
            variant={settings.hasReferralLink ? 'secondary' : 'primary'}
            onPress={onMake}
            isBusy={make.isPending}
          >
            {settings.hasReferralLink
              ? t('conferences.settings.link.replace')
              : t('conferences.settings.link.make')}
          </Button>
          <ActionProblem message={problem.message} />
        </>
      )}
    </section>
  );
}
