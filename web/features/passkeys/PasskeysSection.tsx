import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { REAUTHENTICATION_MINUTES } from '../../../shared/profile/contract.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { ProfileSection } from '../profile/ProfileSection.tsx';
import {
  addPasskey,
  canUsePasskeys,
  fetchPasskeys,
  isAlreadyRegistered,
  type Passkey,
  passkeysKey,
  removePasskey,
  wasCancelled,
} from './api.ts';
import { type PasswordCheck, passwordProblem, usePasswordCheck } from './password-check.ts';

const addFieldIds = { name: 'passkey-name', password: 'passkey-password' } as const;
const removeFieldIds = { password: 'passkey-remove-password' } as const;

/** The password again, with a hidden username so a password manager fills in the right one. */
function PasswordAgain({
  id,
  account,
  value,
  onChange,
  errorMessage,
}: {
  id: string;
  account: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <input type="email" name="username" autoComplete="username" value={account} readOnly hidden />
      <PasswordField
        id={id}
        name="password"
        label={t('secondFactor.password')}
        description={t('passkeys.passwordHelp', { minutes: REAUTHENTICATION_MINUTES })}
        autoComplete="current-password"
        value={value}
        onChange={onChange}
        errorMessage={errorMessage}
      />
    </>
  );
}

function PasskeyItem({
  passkey,
  account,
  check,
}: {
  passkey: Passkey;
  account: string;
  check: PasswordCheck;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const name = passkey.name || t('passkeys.unnamed');
  const [password, setPassword] = useState('');
  const problems = useFormProblems(removeFieldIds);
  const mutation = useMutation({
    mutationFn: async (typed: string | null) => {
      if (typed !== null) await check.confirm(typed);
      await removePasskey(passkey.id);
    },
    onSuccess: () => {
      queryClient.setQueryData<Passkey[]>(passkeysKey, (old) =>
        old?.filter((one) => one.id !== passkey.id),
      );
      showToast({ title: t('passkeys.removedToast') });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>, close: () => void) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (check.needed && password === '') {
      return problems.show({ password: t('signIn.errors.passwordMissing') });
    }
    mutation.mutate(check.needed ? password : null, {
      onSuccess: close,
      onError: (error) => {
        const message = passwordProblem(t, error, check);
        if (message) return problems.show({ password: message });
        problems.showFailure(error);
      },
    });
  }

  return (
    <li className="profile__item">
      <div className="profile__item-text">
        <span className="profile__item-name">{name}</span>
        <span className="profile__item-when">
          {t('passkeys.added', { when: formatDateTime(passkey.createdAt) })}
        </span>
      </div>
      <DialogTrigger
        onOpenChange={() => {
          setPassword('');
          problems.clear();
        }}
      >
        <Button variant="danger" aria-label={t('passkeys.removeLabel', { name })}>
          {t('passkeys.remove')}
        </Button>
        <Dialog title={t('passkeys.removeTitle', { name })}>
          {(close) => (
            <>
              <p>{t('passkeys.removeBody')}</p>
              {problems.summary}
              <Form onSubmit={(event) => onSubmit(event, close)} validationBehavior="aria">
                {check.needed ? (
                  <PasswordAgain
                    id={removeFieldIds.password}
                    account={account}
                    value={password}
                    onChange={setPassword}
                    errorMessage={problems.error('password')}
                  />
                ) : null}
                <div className="form-actions">
                  <Button type="submit" isBusy={mutation.isPending}>
                    {t('passkeys.removeConfirm')}
                  </Button>
                  <Button variant="secondary" onPress={close}>
                    {t('passkeys.cancel')}
                  </Button>
                </div>
              </Form>
            </>
          )}
        </Dialog>
      </DialogTrigger>
    </li>
  );
}

function AddPasskeyForm({
  account,
  check,
  onAdded,
}: {
  account: string;
  check: PasswordCheck;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Until the person types, the suggested name follows the page's language.
  const [typed, setName] = useState<string | null>(null);
  const name = typed ?? t('passkeys.defaultName');
  const [password, setPassword] = useState('');
  const problems = useFormProblems(addFieldIds);
  const mutation = useMutation({
    mutationFn: async ({ chosen, typed }: { chosen: string; typed: string | null }) => {
      if (typed !== null) await check.confirm(typed);
      await addPasskey(chosen, account);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const chosen = name.trim();
    const fields = {
      name: chosen === '' ? t('passkeys.nameMissing') : undefined,
      password: check.needed && password === '' ? t('signIn.errors.passwordMissing') : undefined,
    };
    if (fields.name || fields.password) return problems.show(fields);
    mutation.mutate(
      { chosen: chosen.slice(0, 60), typed: check.needed ? password : null },
      {
        onSuccess: () => {
          problems.clear();
          setPassword('');
          void queryClient.invalidateQueries({ queryKey: passkeysKey });
          showToast({ title: t('passkeys.addedToast', { name: chosen }) });
          onAdded();
        },
        onError: (error) => {
          if (wasCancelled(error)) return problems.show({}, t('passkeys.cancelled'));
          if (isAlreadyRegistered(error)) return problems.show({}, t('passkeys.alreadyHere'));
          const message = passwordProblem(t, error, check);
          if (message) return problems.show({ password: message });
          problems.showFailure(error);
        },
      },
    );
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={addFieldIds.name}
          name="passkey-name"
          label={t('passkeys.name')}
          description={t('passkeys.nameHelp')}
          autoComplete="off"
          maxLength={60}
          value={name}
          onChange={setName}
          errorMessage={problems.error('name')}
        />
        {check.needed ? (
          <PasswordAgain
            id={addFieldIds.password}
            account={account}
            value={password}
            onChange={setPassword}
            errorMessage={problems.error('password')}
          />
        ) : null}
        <FormActions submit={t('passkeys.add')} isBusy={mutation.isPending} variant="secondary" />
      </Form>
    </>
  );
}

/**
 * The person's passkeys on their account page: add one on this device, see and remove them.
 * `account` is how the device's own list of passkeys names this account.
 */
export function PasskeysSection({
  account,
  resident,
  hasPassword,
}: {
  account: string;
  resident: boolean;
  /** People with a password type it again before changing their passkeys. */
  hasPassword: boolean;
}) {
  const { t } = useTranslation();
  const check = usePasswordCheck(hasPassword);
  const passkeys = useQuery({
    queryKey: passkeysKey,
    queryFn: ({ signal }) => fetchPasskeys(signal),
  });
  const supported = canUsePasskeys();
  // With a passkey already, another one is for another device: asked for, not offered first.
  const [adding, setAdding] = useState(false);
  return (
    <ProfileSection id="profile-passkeys" heading={t('passkeys.heading')}>
      <p>{resident ? t('passkeys.leadResident') : t('passkeys.lead')}</p>
      {passkeys.isError ? (
        <div>
          <p>{t('passkeys.loadFailed')}</p>
          <Button variant="secondary" onPress={() => void passkeys.refetch()}>
            {t('profile.retry')}
          </Button>
        </div>
      ) : null}
      {passkeys.data && passkeys.data.length === 0 ? <p>{t('passkeys.none')}</p> : null}
      {passkeys.data && passkeys.data.length > 0 ? (
        <ul className="profile__items" aria-labelledby="profile-passkeys">
          {passkeys.data.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} account={account} check={check} />
          ))}
        </ul>
      ) : null}
      {!supported ? (
        <p>{t('passkeys.unsupported')}</p>
      ) : adding || passkeys.data?.length === 0 ? (
        <AddPasskeyForm account={account} check={check} onAdded={() => setAdding(false)} />
      ) : passkeys.data ? (
        <Button variant="secondary" onPress={() => setAdding(true)}>
          {t('passkeys.addAnother')}
        </Button>
      ) : null}
    </ProfileSection>
  );
}
