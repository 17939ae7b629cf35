import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
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
import './passkeys.css';

const fieldIds = { name: 'passkey-name' } as const;

function PasskeyItem({ passkey }: { passkey: Passkey }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const name = passkey.name || t('passkeys.unnamed');
  const mutation = useMutation({
    mutationFn: () => removePasskey(passkey.id),
    onSuccess: () => {
      queryClient.setQueryData<Passkey[]>(passkeysKey, (old) =>
        old?.filter((one) => one.id !== passkey.id),
      );
      showToast({ title: t('passkeys.removedToast') });
    },
    onError: () => showToast({ title: t('forms.failed') }),
  });
  return (
    <li className="passkeys__item">
      <div className="passkeys__text">
        <span className="passkeys__name">{name}</span>
        <span className="passkeys__when">
          {t('passkeys.added', { when: formatDateTime(passkey.createdAt) })}
        </span>
      </div>
      <DialogTrigger>
        <Button variant="secondary" aria-label={t('passkeys.removeLabel', { name })}>
          {t('passkeys.remove')}
        </Button>
        <Dialog title={t('passkeys.removeTitle', { name })}>
          {(close) => (
            <>
              <p>{t('passkeys.removeBody')}</p>
              <div className="form-actions">
                <Button
                  isBusy={mutation.isPending}
                  onPress={() => {
                    if (!mutation.isPending) mutation.mutate(undefined, { onSettled: close });
                  }}
                >
                  {t('passkeys.removeConfirm')}
                </Button>
                <Button variant="secondary" onPress={close}>
                  {t('passkeys.cancel')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </DialogTrigger>
    </li>
  );
}

function AddPasskeyForm({ account, onAdded }: { account: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Until the person types, the suggested name follows the page's language.
  const [typed, setName] = useState<string | null>(null);
  const name = typed ?? t('passkeys.defaultName');
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({ mutationFn: (chosen: string) => addPasskey(chosen, account) });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const chosen = name.trim();
    if (chosen === '') return problems.show({ name: t('passkeys.nameMissing') });
    mutation.mutate(chosen.slice(0, 60), {
      onSuccess: () => {
        problems.clear();
        void queryClient.invalidateQueries({ queryKey: passkeysKey });
        showToast({ title: t('passkeys.addedToast', { name: chosen }) });
        onAdded();
      },
      onError: (error) => {
        if (wasCancelled(error)) return problems.show({}, t('passkeys.cancelled'));
        if (isAlreadyRegistered(error)) return problems.show({}, t('passkeys.alreadyHere'));
        problems.showFailure(error);
      },
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={fieldIds.name}
          name="passkey-name"
          label={t('passkeys.name')}
          description={t('passkeys.nameHelp')}
          autoComplete="off"
          maxLength={60}
          value={name}
          onChange={setName}
          errorMessage={problems.error('name')}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" isBusy={mutation.isPending}>
            {t('passkeys.add')}
          </Button>
        </div>
      </Form>
    </>
  );
}

/**
 * The person's passkeys on their account page: add one on this device, see and remove them.
 * `account` is how the device's own list of passkeys names this account.
 */
export function PasskeysSection({ account, resident }: { account: string; resident: boolean }) {
  const { t } = useTranslation();
  const passkeys = useQuery({
    queryKey: passkeysKey,
    queryFn: ({ signal }) => fetchPasskeys(signal),
  });
  const supported = canUsePasskeys();
  // With a passkey already, another one is for another device: asked for, not offered first.
  const [adding, setAdding] = useState(false);
  return (
    <section className="profile__section" aria-labelledby="profile-passkeys">
      <h2 id="profile-passkeys" className="profile__heading">
        {t('passkeys.heading')}
      </h2>
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
        <ul className="passkeys__list" aria-labelledby="profile-passkeys">
          {passkeys.data.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      ) : null}
      {!supported ? (
        <p>{t('passkeys.unsupported')}</p>
      ) : adding || passkeys.data?.length === 0 ? (
        <AddPasskeyForm account={account} onAdded={() => setAdding(false)} />
      ) : passkeys.data ? (
        <Button variant="secondary" onPress={() => setAdding(true)}>
          {t('passkeys.addAnother')}
        </Button>
      ) : null}
    </section>
  );
}
