import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseParty, PartyLink } from '../../../shared/conferences/contract.ts';
import type { CaseCommandType } from '../../../shared/conferences/machine.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { languages } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { AddPartyForm } from './AddPartyForm.tsx';
import { makePartyLink, recordWithdrawal, removeParty } from './api.ts';
import { ActionProblem, ConsentMark } from './marks.tsx';
import { OnceLink } from './OnceLink.tsx';
import { offers } from './offers.ts';
import { PaperConsentDialog } from './PaperConsentDialog.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { useActionProblem } from './useCaseChange.ts';

/** A new link for a party, shown this once; a new one ends the one they had. */
function LinkButton({ caseId, party }: { caseId: string; party: CaseParty }) {
  const { t } = useTranslation();
  const [fresh, setFresh] = useState<PartyLink | null>(null);
  const problem = useActionProblem();
  const make = useMutation({ mutationFn: () => makePartyLink(caseId, party.id) });
  if (fresh) {
    return (
      <OnceLink
        heading={t('conferences.parties.linkFor', { name: party.name })}
        url={fresh.url}
        onDone={() => setFresh(null)}
        testId="party-link"
      >
        <p>{t('conferences.parties.linkOnce')}</p>
      </OnceLink>
    );
  }
  return (
    <>
      <Button
        variant="secondary"
        aria-label={t('conferences.parties.makeLinkFor', { name: party.name })}
        isBusy={make.isPending}
        onPress={() => {
          if (make.isPending) return;
          problem.clear();
          make.mutate(undefined, { onSuccess: setFresh, onError: problem.show });
        }}
      >
        {t('conferences.parties.makeLink')}
      </Button>
      <ActionProblem message={problem.message} />
    </>
  );
}

function PartyCard({ detail, party }: { detail: CaseDetail; party: CaseParty }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const may = (command: CaseCommandType) => offers(detail, command);
  const supported = detail.parties.find((other) => other.id === party.supportsPartyId);
  const open = detail.canChange && detail.stage !== 'closed';
  return (
    <li className="party-row">
      <h3 className="party-row__name">{party.name}</h3>
      <p className="case-marks">
        <span className="case-mark">{t(`conferences.roles.${party.role}`)}</span>
        <ConsentMark consent={party.consent} />
      </p>
      <dl className="case-facts case-facts--compact">
        {supported ? (
          <div>
            <dt>{t('conferences.parties.supportsShort')}</dt>
            <dd>{supported.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('conferences.parties.language')}</dt>
          <dd>{languages.find((language) => language.code === party.language)?.name}</dd>
        </div>
        <div>
          <dt>{t('conferences.parties.consentHeading')}</dt>
          <dd>
            {party.consent.at
              ? t(`conferences.parties.consentAt.${party.consent.status}`, {
                  date: formatDateTime(party.consent.at),
                })
              : t('conferences.parties.consentNone')}
          </dd>
        </div>
        <div>
          <dt>{t('conferences.parties.link')}</dt>
          <dd>
            {party.hasAccount
              ? t('conferences.parties.joined')
              : t('conferences.parties.notJoined')}
          </dd>
        </div>
      </dl>
      {open ? (
        <div className="party-row__actions">
          <LinkButton caseId={detail.id} party={party} />
          {may('give_consent') && party.consent.status !== 'given' ? (
            <PaperConsentDialog caseId={detail.id} party={party} />
          ) : null}
          {may('withdraw_consent') && party.consent.status === 'given' ? (
            <ReasonDialog
              label={t('conferences.parties.withdraw')}
              ariaLabel={t('conferences.parties.withdrawFor', { name: party.name })}
              title={t('conferences.parties.withdrawTitle', { name: party.name })}
              body={t('conferences.parties.withdrawBody')}
              reasonLabel={t('conferences.parties.withdrawReason')}
              confirm={t('conferences.parties.withdrawConfirm')}
              done={t('conferences.parties.withdrawn')}
              triggerVariant="secondary"
              send={(reason) => recordWithdrawal(detail.id, party.id, reason)}
            />
          ) : null}
          {may('remove_party') ? (
            <ReasonDialog
              label={t('conferences.parties.remove')}
              ariaLabel={t('conferences.parties.removeFor', { name: party.name })}
              title={t('conferences.parties.removeTitle', { name: party.name })}
              body={t('conferences.parties.removeBody')}
              reasonLabel={t('conferences.parties.removeReason')}
              confirm={t('conferences.parties.removeConfirm')}
              done={t('conferences.parties.removed')}
              send={(reason) => removeParty(detail.id, party.id, reason)}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The parties, each with their consent and what the team may do; then a form for a new one. */
export function PartiesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const present = detail.parties.filter((party) => !party.removed);
  const left = detail.parties.filter((party) => party.removed);
  return (
    <section id="case-parties" className="case-section" aria-labelledby="case-parties-heading">
      <h2 id="case-parties-heading">{t('conferences.parties.heading')}</h2>
      <p>
        {t('conferences.parties.consented', {
          consented: present.filter((party) => party.consent.status === 'given').length,
          total: present.length,
        })}
      </p>
      {present.length === 0 ? <p>{t('conferences.parties.none')}</p> : null}
      <ul className="party-list">
        {present.map((party) => (
          <PartyCard key={party.id} detail={detail} party={party} />
        ))}
      </ul>
      {left.length > 0 ? (
        <>
          <h3>{t('conferences.parties.leftHeading')}</h3>
          <ul className="case-plain-list">
            {left.map((party) => (
              <li key={party.id}>
                {party.name} ({t(`conferences.roles.${party.role}`)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {offers(detail, 'add_party') ? <AddPartyForm detail={detail} /> : null}
    </section>
  );
}
