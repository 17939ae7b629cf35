import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ConsentPreview,
  type ConsentView,
  consentPreviewQuery,
} from '../../../shared/youth/contract.ts';
import { ApiError } from '../../app/api.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { ConfirmButton } from '../circles/ConfirmButton.tsx';
import { useLinkToken } from '../conferences/useLinkToken.ts';
import { answerConsent, consentKey, fetchConsent, fetchGuardianMentoring } from './guardian-api.ts';
import { MeetingList, MessageList } from './mentoring-lists.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './youth-pages.css';

// /consent#<token>: a guardian, from the email they were sent, reads in plain words what the
// program is, how young people are kept safe, what is kept and for how long, and answers once.
// A consent given is withdrawn here at any time, with effect at once.

type Answer = 'give' | 'decline' | 'withdraw';

function LinkProblem({ code }: { code: 'unknown' | 'replaced' | 'failed' }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`youthPages.guardian.link.${code}.heading`));
  return (
    <div className="status-page">
      <PageHeading focusOnMount>{t(`youthPages.guardian.link.${code}.heading`)}</PageHeading>
      <p className="status-page__body">{t(`youthPages.guardian.link.${code}.body`)}</p>
      <div className="status-page__actions">
        <Link to="/" className={buttonClassName('secondary')}>
          {t('notFound.homeLink')}
        </Link>
      </div>
    </div>
  );
}

function Facts({ preview }: { preview: ConsentPreview }) {
  const { t } = useTranslation();
  const young = preview.youngPersonName;
  return (
    <>
      <section className="young-card" aria-labelledby="consent-about">
        <h2 id="consent-about">{t('youthPages.guardian.about.heading')}</h2>
        <p className="young-card__quote">{preview.aboutForGuardians}</p>
      </section>
      <section className="young-card" aria-labelledby="consent-safe">
        <h2 id="consent-safe">{t('youthPages.guardian.safe.heading')}</h2>
        <ul className="young-list">
          {preview.twoAdultsPresent ? <li>{t('youthPages.guardian.safe.twoAdults')}</li> : null}
          {preview.openPlacesOnly ? <li>{t('youthPages.guardian.safe.openPlaces')}</li> : null}
          <li>
            {preview.guardianSeesMentoring
              ? t('youthPages.guardian.safe.messagesWithYou')
              : t('youthPages.guardian.safe.messages')}
          </li>
          <li>{t('youthPages.guardian.safe.lead', { lead: preview.safeguardingLeadName })}</li>
        </ul>
      </section>
      <section className="young-card" aria-labelledby="consent-kept">
        <h2 id="consent-kept">{t('youthPages.guardian.kept.heading')}</h2>
        <ul className="young-list">
          <li>{t('youthPages.guardian.kept.name', { young })}</li>
          <li>{t('youthPages.guardian.kept.band', { band: preview.ageBand })}</li>
          <li>{t('youthPages.guardian.kept.guardian')}</li>
        </ul>
        <p>{t('youthPages.guardian.kept.nothingElse')}</p>
        <p>{t('youthPages.guardian.kept.removed', { young, count: preview.retentionDays })}</p>
      </section>
    </>
  );
}

function Status({ consent, young }: { consent: ConsentView; young: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const on = consent.answeredAt ? formatDate(consent.answeredAt) : '';
  if (consent.status === 'given' && consent.current && consent.expiresAt) {
    return (
      <p className="young-status young-status--ready">
        {t('youthPages.guardian.status.given', { on, until: formatDate(consent.expiresAt), young })}
      </p>
    );
  }
  if (consent.status === 'given') {
    return <p className="young-status">{t('youthPages.guardian.status.lapsed', { young })}</p>;
  }
  if (consent.status === 'declined' || consent.status === 'withdrawn') {
    return (
      <p className="young-status">
        {t(`youthPages.guardian.status.${consent.status}`, { on, young })}
      </p>
    );
  }
  return null;
}

function Decide({
  preview,
  onAnswer,
  busy,
}: {
  preview: ConsentPreview;
  onAnswer: (answer: Answer) => void;
  busy: Answer | null;
}) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const young = preview.youngPersonName;
  return (
    <section className="young-card young-card--decide" aria-labelledby="consent-decide">
      <h2 id="consent-decide">{t('youthPages.guardian.decide.heading')}</h2>
      <p>{t('youthPages.guardian.decide.lasts', { count: preview.consentValidDays, young })}</p>
      <Checkbox
        isSelected={confirmed}
        onChange={(selected) => {
          setConfirmed(selected);
          if (selected) setUnconfirmed(false);
        }}
        errorMessage={
          unconfirmed ? t('youthPages.guardian.decide.confirmFirst', { young }) : undefined
        }
      >
        {t('youthPages.guardian.decide.iAmGuardian', { young })}
      </Checkbox>
      <div className="form-actions young-actions">
        <Button
          isBusy={busy === 'give'}
          onPress={() => {
            if (busy) return;
            if (!confirmed) {
              setUnconfirmed(true);
              return;
            }
            onAnswer('give');
          }}
        >
          {t('youthPages.guardian.decide.give')}
        </Button>
        <Button
          variant="secondary"
          isBusy={busy === 'decline'}
          onPress={() => {
            if (!busy) onAnswer('decline');
          }}
        >
          {t('youthPages.guardian.decide.decline')}
        </Button>
      </div>
    </section>
  );
}

/** Where the program lets guardians read along: their young person's mentoring, as it is. */
function ReadAlong({ token, young }: { token: string; young: string }) {
  const { t } = useTranslation();
  const mentoring = useQuery({
    queryKey: [...consentKey(token), 'mentoring'],
    queryFn: ({ signal }) => fetchGuardianMentoring(token, signal),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  if (!mentoring.data || mentoring.data.pairs.length === 0) return null;
  return (
    <>
      {mentoring.data.pairs.map((pair) => (
        <section key={pair.id} className="young-card" aria-labelledby={`read-along-${pair.id}`}>
          <h2 id={`read-along-${pair.id}`}>
            {t('youthPages.guardian.readAlong.heading', { young, mentor: pair.mentorName })}
          </h2>
          <p>{t('youthPages.guardian.readAlong.lead', { young })}</p>
          <MessageList messages={pair.messages} />
          <h3>{t('youthPages.guardian.readAlong.meetings')}</h3>
          <MeetingList meetings={pair.meetings} />
        </section>
      ))}
    </>
  );
}

function Withdraw({ young, onWithdraw }: { young: string; onWithdraw: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="young-card" aria-labelledby="consent-withdraw">
      <h2 id="consent-withdraw">{t('youthPages.guardian.withdraw.heading')}</h2>
      <p>{t('youthPages.guardian.withdraw.lead', { young })}</p>
      <ConfirmButton
        label={t('youthPages.guardian.withdraw.button')}
        title={t('youthPages.guardian.withdraw.confirmTitle')}
        body={t('youthPages.guardian.withdraw.confirmBody', { young })}
        confirm={t('youthPages.guardian.withdraw.confirm')}
        cancel={t('youthPages.guardian.withdraw.cancel')}
        onConfirm={onWithdraw}
      />
    </section>
  );
}

function Consent({ token, preview }: { token: string; preview: ConsentPreview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (given: Answer) => answerConsent(token, given),
    onSuccess: (consent) => {
      setRefusal(null);
      queryClient.setQueryData<ConsentPreview>(consentKey(token), { ...preview, consent });
    },
    onError: async (error) => {
      const code = error instanceof ApiError ? error.problem?.code : undefined;
      setRefusal(
        code === 'already_answered' || code === 'not_given' || code === 'link_replaced'
          ? t(`youthPages.guardian.refused.${code}`)
          : t('youthPages.guardian.refused.failed'),
      );
      await queryClient.invalidateQueries({ queryKey: consentKey(token) });
    },
  });
  const young = preview.youngPersonName;
  const { consent } = preview;
  const busy = answer.isPending ? (answer.variables ?? null) : null;
  return (
    <div className="young-page">
      <PageHeading focusOnMount>{t('youthPages.guardian.heading', { young })}</PageHeading>
      <p className="young-lead">
        {t('youthPages.guardian.lead', {
          guardian: preview.guardianName,
          young,
          program: preview.programName,
          organisation: preview.organisationName,
        })}
      </p>
      {refusal ? (
        <p className="young-status young-status--problem" role="alert">
          {refusal}
        </p>
      ) : null}
      <div aria-live="polite">
        <Status consent={consent} young={young} />
      </div>
      <Facts preview={preview} />
      {consent.status === 'requested' ? (
        <Decide preview={preview} onAnswer={(given) => answer.mutate(given)} busy={busy} />
      ) : null}
      {consent.status === 'given' && consent.current && preview.guardianSeesMentoring ? (
        <ReadAlong token={token} young={young} />
      ) : null}
      {consent.status === 'given' && consent.current ? (
        <Withdraw young={young} onWithdraw={() => answer.mutate('withdraw')} />
      ) : null}
    </div>
  );
}

export function GuardianConsentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('youthPages.guardian.title'));
  const token = useLinkToken();
  const valid = consentPreviewQuery.safeParse({ token }).success;
  const preview = useQuery({
    queryKey: consentKey(token),
    queryFn: ({ signal }) => fetchConsent(token, signal),
    enabled: valid,
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  if (!valid) return <LinkProblem code="unknown" />;
  if (preview.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (preview.isError) {
    const status = preview.error instanceof ApiError ? preview.error.status : 0;
    return (
      <LinkProblem code={status === 410 ? 'replaced' : status === 404 ? 'unknown' : 'failed'} />
    );
  }
  return <Consent token={token} preview={preview.data} />;
}
