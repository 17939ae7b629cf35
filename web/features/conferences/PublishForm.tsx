import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementItem, CaseDetail } from '../../../shared/conferences/contract.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { publishItem } from './api.ts';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

/**
 * An item on the public accountability register, de-identified: which parties agreed to it, and
 * the words the public reads, which name no one.
 */
export function PublishForm({ detail, item }: { detail: CaseDetail; item: AgreementItem }) {
  const { t } = useTranslation();
  const ids = {
    publicTitle: `publish-${item.id}-title`,
    publicDescription: `publish-${item.id}-description`,
  };
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const problems = useFormProblems(ids);
  const failure = useFailureOptions<keyof typeof ids>();
  const mutation = useCaseChange(
    () => publishItem(detail.id, item.id, { publicTitle: title, publicDescription: description }),
    t('conferences.items.published'),
  );
  if (item.publication.commitmentId) {
    return (
      <p className="case-notice">
        <Link to={`/commitments/${item.publication.commitmentId}`}>
          {t('conferences.items.onRegister')}
        </Link>
      </p>
    );
  }
  const agreed = detail.parties.filter((party) =>
    item.publication.consentedPartyIds.includes(party.id),
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
    <details className="item-disclosure">
      <summary>{t('conferences.items.publish')}</summary>
      <p>
        {agreed.length === 0
          ? t('conferences.items.publishNoConsent')
          : t('conferences.items.publishConsented', {
              names: agreed.map((party) => party.name).join(', '),
            })}
      </p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={ids.publicTitle}
          label={t('conferences.items.publicTitle')}
          description={t('conferences.items.publicTitleHelp')}
          value={title}
          onChange={setTitle}
          errorMessage={problems.error('publicTitle')}
        />
        <TextField
          id={ids.publicDescription}
          label={t('conferences.items.publicDescription')}
          multiline
          value={description}
          onChange={setDescription}
          errorMessage={problems.error('publicDescription')}
        />
        <FormActions submit={t('conferences.items.publishSubmit')} isBusy={mutation.isPending} />
      </Form>
    </details>
  );
}
