import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  OrganisationResponse,
  PersonSummary,
} from '../../../shared/organisations/contract.ts';
import { isStaffRole, type Role, roles } from '../../../shared/permissions/roles.ts';
import type { ApiError } from '../../app/api.ts';
import { Button, type ButtonVariant } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure, useFormProblems } from '../../ui/useFormProblems.tsx';
import {
  disablePerson,
  enablePerson,
  fetchPeople,
  grantRole,
  peopleKey,
  resetSecondFactor,
  revokeRole,
  verifyOfficer,
} from './api.ts';
import { ProgramField, RoleField } from './fields.tsx';

function GrantRoleForm({
  organisation,
  person,
  onDone,
}: {
  organisation: OrganisationResponse;
  person: PersonSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState('');
  const [programId, setProgramId] = useState('');
  const ids = { role: `grant-role-${person.id}`, programId: `grant-program-${person.id}` };
  const problems = useFormProblems(ids);
  const mutation = useMutation({
    mutationFn: () =>
      grantRole(organisation.id, person.id, { role: role as Role, programId: programId || null }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!(roles as readonly string[]).includes(role))
      return problems.show({ role: t('admin.people.errors.role') });
    mutation.mutate(undefined, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: peopleKey(organisation.id) });
        showToast({
          title: t('admin.people.granted', { name: person.name, role: t(`roles.${role as Role}`) }),
        });
        onDone();
      },
      onError: (error) => problems.showFailure(error),
    });
  }

  return (
    <div className="admin__panel">
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <RoleField
          id={ids.role}
          value={role}
          onChange={setRole}
          errorMessage={problems.error('role')}
        />
        <ProgramField
          id={ids.programId}
          organisation={organisation}
          placeholder={t('admin.people.wholeOrganisation')}
          value={programId}
          onChange={setProgramId}
          errorMessage={problems.error('programId')}
        />
        <FormActions
          submit={t('admin.people.grant')}
          isBusy={mutation.isPending}
          cancel={{ label: t('admin.cancel'), onPress: onDone }}
        />
      </Form>
    </div>
  );
}

/**
 * An action on someone's account that an admin confirms in a dialog first: the button, the
 * dialog saying what will happen, and a toast once it is done. A failure closes the dialog and
 * shows on the person's card.
 */
function ConfirmedAction({
  variant,
  label,
  accessibleLabel,
  title,
  body,
  confirm,
  isBusy,
  onConfirm,
}: {
  variant: ButtonVariant;
  label: string;
  /** Names the person, since every card has the same buttons. */
  accessibleLabel: string;
  title: string;
  body: ReactNode;
  confirm: string;
  isBusy: boolean;
  onConfirm: (close: () => void) => void;
}) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button variant={variant} aria-label={accessibleLabel}>
        {label}
      </Button>
      <Dialog title={title}>
        {(close) => (
          <>
            {body}
            <div className="form-actions">
              <Button isBusy={isBusy} onPress={() => onConfirm(close)}>
                {confirm}
              </Button>
              <Button variant="secondary" onPress={close}>
                {t('admin.cancel')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </DialogTrigger>
  );
}

function PersonCard({
  organisation,
  person,
  isYou,
}: {
  organisation: OrganisationResponse;
  person: PersonSummary;
  /**
   * The admin looking at the page: they cannot disable themselves, reset their own second factor
   * or drop their own admin role.
   */
  isYou: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [granting, setGranting] = useState(false);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: peopleKey(organisation.id) });
  // A refusal because of the account's state (409) says why in the server's words; the one an
  // admin can meet in the normal course, someone who belongs to another organisation too, is
  // said in the page's language.
  const conflict = (error: ApiError) => {
    if (error.status !== 409) return undefined;
    if (error.problem?.code === 'member-elsewhere') {
      return t('admin.people.disableElsewhere', { name: person.name });
    }
    return error.problem?.detail;
  };
  const fail = (error: unknown) =>
    setFailure((previous) => ({
      message:
        describeFailure(t, error, {}, { statusMessage: conflict }).message ?? t('forms.failed'),
      attempt: (previous?.attempt ?? 0) + 1,
    }));
  const action = useMutation({
    mutationFn: (run: () => Promise<void>) => run(),
    onSuccess: () => {
      setFailure(null);
      refresh();
    },
    onError: fail,
  });
  // Called in the dialog: closes it and says so once the server has done it.
  const confirmed = (run: () => Promise<void>, toast: string) => (close: () => void) => {
    if (action.isPending) return;
    action.mutate(run, {
      onSuccess: () => {
        close();
        showToast({ title: toast });
      },
      onError: close,
    });
  };
  const isStaff = person.roles.some((membership) => isStaffRole(membership.role));

  return (
    <li className="admin__card">
      <div className="admin__card-head">
        <h3 className="admin__card-title">{person.name}</h3>
        {person.disabled ? <span className="badge">{t('admin.people.disabled')}</span> : null}
      </div>
      {person.email ? <p className="admin__muted">{person.email}</p> : null}
      {failure ? <ErrorSummary message={failure.message} attempt={failure.attempt} /> : null}
      <ul className="admin__roles">
        {person.roles.map((membership) => {
          const label = t(`roles.${membership.role}`);
          return (
            <li key={membership.id} className="admin__role">
              <span>
                <strong>{label}</strong>
                {membership.programName ? ` · ${membership.programName}` : ''}
              </span>
              {membership.role === 'officer' ? (
                membership.verifiedAt ? (
                  <span className="badge badge--sage">{t('admin.people.verified')}</span>
                ) : (
                  <>
                    <span className="badge badge--accent">{t('admin.people.notVerified')}</span>
                    <Button
                      variant="secondary"
                      onPress={() => action.mutate(() => verifyOfficer(organisation.id, person.id))}
                    >
                      {t('admin.people.verify')}
                    </Button>
                  </>
                )
              ) : null}
              {isYou && membership.role === 'org_admin' ? null : (
                <Button
                  variant="danger"
                  aria-label={t('admin.people.revokeLabel', { role: label, name: person.name })}
                  onPress={() =>
                    action.mutate(() => revokeRole(organisation.id, person.id, membership.id))
                  }
                >
                  {t('admin.people.revoke')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {granting ? (
        <GrantRoleForm
          organisation={organisation}
          person={person}
          onDone={() => setGranting(false)}
        />
      ) : (
        <div className="admin__actions">
          <Button
            variant="secondary"
            onPress={() => setGranting(true)}
            aria-label={t('admin.people.grantLabel', { name: person.name })}
          >
            {t('admin.people.grantOpen')}
          </Button>
          {person.disabled && !isYou ? (
            <ConfirmedAction
              variant="secondary"
              label={t('admin.people.enable')}
              accessibleLabel={t('admin.people.enableLabel', { name: person.name })}
              title={t('admin.people.enableTitle', { name: person.name })}
              body={<p>{t('admin.people.enableBody')}</p>}
              confirm={t('admin.people.enableConfirm')}
              isBusy={action.isPending}
              onConfirm={confirmed(
                () => enablePerson(organisation.id, person.id),
                t('admin.people.enabledToast', { name: person.name }),
              )}
            />
          ) : null}
          {isStaff && !person.disabled && !isYou ? (
            <ConfirmedAction
              variant="danger"
              label={t('admin.people.resetFactor')}
              accessibleLabel={t('admin.people.resetFactorLabel', { name: person.name })}
              title={t('admin.people.resetFactorTitle', { name: person.name })}
              body={
                <>
                  <p>{t('admin.people.resetFactorBody')}</p>
                  <p>
                    <strong>{t('admin.people.resetFactorCheck', { name: person.name })}</strong>
                  </p>
                </>
              }
              confirm={t('admin.people.resetFactorConfirm')}
              isBusy={action.isPending}
              onConfirm={confirmed(
                () => resetSecondFactor(organisation.id, person.id),
                t('admin.people.resetFactorToast', { name: person.name }),
              )}
            />
          ) : null}
          {person.disabled || isYou ? null : (
            <ConfirmedAction
              variant="danger"
              label={t('admin.people.disable')}
              accessibleLabel={t('admin.people.disableLabel', { name: person.name })}
              title={t('admin.people.disableTitle', { name: person.name })}
              body={<p>{t('admin.people.disableBody')}</p>}
              confirm={t('admin.people.disableConfirm')}
              isBusy={action.isPending}
              onConfirm={confirmed(
                () => disablePerson(organisation.id, person.id),
                t('admin.people.disabledToast', { name: person.name }),
              )}
            />
          )}
        </div>
      )}
    </li>
  );
}

export function PeopleSection({
  organisation,
  yourId,
}: {
  organisation: OrganisationResponse;
  /** The person signed in, once known. */
  yourId: string | undefined;
}) {
  const { t } = useTranslation();
  const people = useQuery({
    queryKey: peopleKey(organisation.id),
    queryFn: ({ signal }) => fetchPeople(organisation.id, signal),
  });
  return (
    <section className="admin__section" aria-labelledby="admin-people" id="people">
      <h2 id="admin-people">{t('admin.people.heading')}</h2>
      {people.isPending ? <p className="page-loading">{t('app.loading')}</p> : null}
      {people.isError ? (
        <div>
          <p>{t('admin.loadFailed')}</p>
          <Button variant="secondary" onPress={() => void people.refetch()}>
            {t('profile.retry')}
          </Button>
        </div>
      ) : null}
      {people.data ? (
        <ul className="admin__cards">
          {people.data.map((person) => (
            <PersonCard
              key={person.id}
              organisation={organisation}
              person={person}
              isYou={person.id === yourId}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
