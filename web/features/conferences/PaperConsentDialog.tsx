import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import type { CaseParty } from '../../../shared/conferences/contract.ts';
import type { Language } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { recordPaperConsent } from './api.ts';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = { signature: 'paper-signature', version: 'paper-version' } as const;

/**
 * Consent given on a signed paper form, recorded by the facilitator: the name as signed and the
 * form's version, printed at its foot.
 */
export function PaperConsentDialog({ caseId, party }: { caseId: string; party: CaseParty }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState('');
  const [version, setVersion] = useState<string>(CONSENT_VERSION);
  const problems = useFormProblems(fieldIds);
  const failure = useFailureOptions<keyof typeof fieldIds>();
  const mutation = useCaseChange(
    () =>
      recordPaperConsent(caseId, party.id, {
        signature,
        version,
        language: party.language as Language,
      }),
    t('conferences.parties.paperConsentDone'),
  );
  return (
    <DialogTrigger>
      <Button
        variant="secondary"
        aria-label={t('conferences.parties.paperConsentFor', { name: party.name })}
      >
        {t('conferences.parties.paperConsent')}
      </Button>
      <Dialog title={t('conferences.parties.paperConsentTitle', { name: party.name })}>
        {(close) => {
          function onSubmit(event: FormEvent<HTMLFormElement>) {
            event.preventDefault();
            if (mutation.isPending) return;
            mutation.mutate(undefined, {
              onSuccess: () => {
                problems.clear();
                close();
              },
              onError: (error) => problems.showFailure(error, failure),
            });
          }
          return (
            <>
              <p>{t('conferences.parties.paperConsentBody')}</p>
              {problems.summary}
              <Form onSubmit={onSubmit} validationBehavior="aria">
                <TextField
                  id={fieldIds.signature}
                  label={t('conferences.parties.paperSignature')}
                  value={signature}
                  onChange={setSignature}
                  errorMessage={problems.error('signature')}
                />
                <TextField
                  id={fieldIds.version}
                  label={t('conferences.parties.paperVersion')}
                  description={t('conferences.parties.paperVersionHelp')}
                  value={version}
                  onChange={setVersion}
                  errorMessage={problems.error('version')}
                />
                <div className="form-actions">
                  <Button type="submit" isBusy={mutation.isPending}>
                    {t('conferences.parties.paperConsentConfirm')}
                  </Button>
                  <Button variant="quiet" onPress={close}>
                    {t('conferences.case.cancel')}
                  </Button>
                </div>
              </Form>
            </>
          );
        }}
      </Dialog>
    </DialogTrigger>
  );
}
