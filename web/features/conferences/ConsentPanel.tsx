import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PartyView } from '../../../shared/conferences/contract.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { giveConsent, withdrawMyConsent } from './api.ts';
import { ActionProblem } from './marks.tsx';
import { useActionProblem, useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = { signature: 'consent-signature' } as const;

/** What the party is asked to agree to, in the language it is written in. */
function ConsentText({ view }: { view: PartyView }) {
  return (
    <div className="consent-text" lang={view.consentText.language}>
      {view.consentText.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </div>
  );
}

/** The consent text in the party's language, their typed name, and "I agree". */
function ConsentForm({ view }: { view: PartyView }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState('');
  const problems = useFormProblems(fieldIds);
  const failure = useFailureOptions<keyof typeof fieldIds>();
  const mutation = useCaseChange(
    () =>
      giveConsent(view.id, {
        version: view.consentText.version,
        language: view.consentText.language,
        signature,
      }),
    t('conferences.myPart.consent.thanks'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: () => {
        problems.clear();
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <>
      <ConsentText view={view} />
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.signature}
          label={t('conferences.myPart.consent.signature')}
          description={t('conferences.myPart.consent.signatureHelp')}
          autoComplete="name"
          value={signature}
          onChange={setSignature}
          errorMessage={problems.error('signature')}
        />
        <FormActions submit={t('conferences.myPart.consent.agree')} isBusy={mutation.isPending} />
      </Form>
    </>
  );
}

/** "Withdraw my consent", after a dialog that says what happens: the case pauses, nothing lost. */
function WithdrawButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const problem = useActionProblem();
  const mutation = useCaseChange(
    () => withdrawMyConsent(caseId, reason),
    t('conferences.myPart.withdraw.done'),
  );
  return (
    <>
      <DialogTrigger>
        <Button variant="danger">{t('conferences.myPart.withdraw.button')}</Button>
        <Dialog title={t('conferences.myPart.withdraw.title')}>
          {(close) => (
            <>
              <p>{t('conferences.myPart.withdraw.body')}</p>
              <p>{t('conferences.myPart.withdraw.again')}</p>
              <TextField
                label={t('conferences.myPart.withdraw.reason')}
                description={t('conferences.myPart.withdraw.reasonHelp')}
                multiline
                value={reason}
                onChange={setReason}
              />
              <div className="form-actions">
                <Button
                  variant="danger"
                  isBusy={mutation.isPending}
                  onPress={() => {
                    if (mutation.isPending) return;
                    problem.clear();
                    mutation.mutate(undefined, {
                      onSuccess: close,
                      onError: (error) => {
                        close();
                        problem.show(error);
                      },
                    });
                  }}
                >
                  {t('conferences.myPart.withdraw.confirm')}
                </Button>
                <Button variant="quiet" onPress={close}>
                  {t('conferences.myPart.withdraw.keep')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </DialogTrigger>
      <ActionProblem message={problem.message} />
    </>
  );
}

/** The party's consent: what it says, whether it is given, and the way to give or withdraw it. */
export function ConsentPanel({ view }: { view: PartyView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { consent } = view;
  const at = consent.at ? formatDateTime(consent.at) : '';
  return (
    <section className="party-card" aria-labelledby="my-consent">
      <h2 id="my-consent">{t('conferences.myPart.consent.heading')}</h2>
      {consent.status === 'given' ? (
        <>
          <p className="party-status party-status--given">
            {t('conferences.myPart.consent.given', { date: at })}
          </p>
          <details className="consent-again">
            <summary>{t('conferences.myPart.consent.readAgain')}</summary>
            <ConsentText view={view} />
          </details>
          <p>{t('conferences.myPart.consent.givenHelp')}</p>
          <WithdrawButton caseId={view.id} />
        </>
      ) : (
        <>
          {consent.status === 'withdrawn' ? (
            <p className="party-status party-status--withdrawn">
              {t('conferences.myPart.consent.withdrawn', { date: at })}
            </p>
          ) : (
            <p>{t('conferences.myPart.consent.lead')}</p>
          )}
          <ConsentForm view={view} />
        </>
      )}
    </section>
  );
}
