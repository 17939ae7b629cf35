import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ADDRESS_CONFIRMATION_HOURS, addAddressRequest } from '../../../shared/profile/contract.ts';
import { meQueryKey } from '../../app/session.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { addAddress } from './api.ts';
import { emailFieldMessage } from './field-messages.ts';
import { ProfileSection } from './ProfileSection.tsx';

const fieldIds = { email: 'profile-add-address' } as const;

/**
 * For someone who joined by link without an address: one to come back with from another device.
 * Optional; it counts once the link sent to it is opened.
 */
export function AddressSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({ mutationFn: addAddress });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setSentTo(null);
    const parsed = addAddressRequest.safeParse({ email: email.trim() });
    if (!parsed.success) return problems.show({ email: t('setup.errors.email') });
    mutation.mutate(parsed.data.email, {
      onSuccess: (address) => {
        problems.clear();
        setEmail('');
        setSentTo(address);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => emailFieldMessage(t, problem),
          statusMessage: (failure) => {
            if (failure.status !== 409) return undefined;
            // Given already, on another device: show the account as it is now.
            void queryClient.invalidateQueries({ queryKey: meQueryKey });
            return t('profile.address.already');
          },
        }),
    });
  }

  return (
    <ProfileSection id="profile-address" heading={t('profile.address.heading')}>
      <p>{t('profile.address.lead')}</p>
      <p>{t('profile.address.use')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={fieldIds.email}
          name="email"
          type="email"
          label={t('profile.address.email')}
          autoComplete="email"
          value={email}
          onChange={setEmail}
          errorMessage={problems.error('email')}
        />
        <FormActions
          submit={t('profile.address.submit')}
          isBusy={mutation.isPending}
          variant="secondary"
        />
        <p className="profile__done" role="status">
          {sentTo
            ? t('profile.address.sent', { email: sentTo, hours: ADDRESS_CONFIRMATION_HOURS })
            : ''}
        </p>
      </Form>
    </ProfileSection>
  );
}
