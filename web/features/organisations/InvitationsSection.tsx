import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  createInvitationRequest,
  INVITATION_DEFAULT_DAYS,
  type InvitationSummary,
} from '../../../shared/invitations/contract.ts';
import type { OrganisationResponse } from '../../../shared/organisations/contract.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { createInvitation, fetchInvitations, invitationsKey, revokeInvitation } from './api.ts';
import { ProgramField, RoleField } from './fields.tsx';

const fieldIds = {
  delivery: 'invite-delivery',
  email: 'invite-email',
  role: 'invite-role',
  programId: 'invite-program',
  language: 'invite-language',
  maxUses: 'invite-max-uses',
  expiresInDays: 'invite-days',
} as const;
type Field = keyof typeof fieldIds;

/** A link invitation's address, shown once: it cannot be seen again after this. */
function NewLink({ link, onDone }: { link: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin__panel admin__link" role="status">
      <h3 className="admin__panel-heading">{t('admin.invitations.linkHeading')}</h3>
      <p>{t('admin.invitations.linkOnce')}</p>
      <p className="admin__link-value" data-testid="invitation-link">
        {link}
      </p>
      <div className="form-actions">
        <Button
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(link);
              showToast({ title: t('admin.invitations.copied') });
            } catch {
              showToast({ title: t('admin.invitations.copyFailed') });
            }
          }}
        >
          {t('admin.invitations.copy')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('admin.invitations.linkDone')}
        </Button>
      </div>
    </div>
  );
}

function NewInvitationForm({
  organisation,
  onCreated,
  onCancel,
}: {
  organisation: OrganisationResponse;
  onCreated: (link: string | null) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [delivery, setDelivery] = useState<'email' | 'link'>('email');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [programId, setProgramId] = useState('');
  const [language, setLanguage] = useState<Language>(
    isLanguage(i18n.language) ? i18n.language : 'en',
  );
  const [maxUses, setMaxUses] = useState('25');
  const [days, setDays] = useState(String(INVITATION_DEFAULT_DAYS));
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createInvitation>[1]) =>
      createInvitation(organisation.id, body),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const common = { expiresInDays: Number(days), programId: programId || null };
    const body =
      delivery === 'email'
        ? { delivery, email: email.trim(), role: role || undefined, language, ...common }
        : {
            delivery,
            role: 'resident',
            maxUses: Number(maxUses),
            ...common,
            programId: programId || undefined,
          };
    const parsed = createInvitationRequest.safeParse(body);
    if (!parsed.success) {
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as Field;
        if (field in fieldIds) fields[field] ??= t(`admin.invitations.errors.${field}`);
      }
      return problems.show(fields);
    }
    mutation.mutate(parsed.data, {
      onSuccess: (answer) => {
        void queryClient.invalidateQueries({ queryKey: invitationsKey(organisation.id) });
        if (answer.link === null)
          showToast({
            title: t('admin.invitations.sent', { email: answer.invitation.email ?? '' }),
          });
        onCreated(answer.link);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (field) => t(`admin.invitations.errors.${field}`),
        }),
    });
  }

  return (
    <div className="admin__panel">
      <h3 className="admin__panel-heading">{t('admin.invitations.new')}</h3>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <RadioGroup
          id={fieldIds.delivery}
          label={t('admin.invitations.delivery')}
          layout="stack"
          options={[
            {
              value: 'email',
              label: t('admin.invitations.byEmail'),
              description: t('admin.invitations.byEmailHelp'),
            },
            {
              value: 'link',
              label: t('admin.invitations.byLink'),
              description: t('admin.invitations.byLinkHelp'),
            },
          ]}
          value={delivery}
          onChange={(value) => setDelivery(value === 'link' ? 'link' : 'email')}
        />
        {delivery === 'email' ? (
          <>
            <TextField
              id={fieldIds.email}
              type="email"
              label={t('admin.invitations.email')}
              autoComplete="off"
              value={email}
              onChange={setEmail}
              errorMessage={problems.error('email')}
            />
            <RoleField
              id={fieldIds.role}
              value={role}
              onChange={setRole}
              errorMessage={problems.error('role')}
            />
          </>
        ) : null}
        <ProgramField
          id={fieldIds.programId}
          organisation={organisation}
          placeholder={
            delivery === 'email'
              ? t('admin.people.wholeOrganisation')
              : t('admin.invitations.chooseProgram')
          }
          value={programId}
          onChange={setProgramId}
          errorMessage={problems.error('programId')}
        />
        {delivery === 'email' ? (
          <LanguageField
            id={fieldIds.language}
            label={t('admin.invitations.language')}
            value={language}
            onChange={setLanguage}
          />
        ) : (
          <TextField
            id={fieldIds.maxUses}
            label={t('admin.invitations.maxUses')}
            description={t('admin.invitations.maxUsesHelp')}
            inputMode="numeric"
            value={maxUses}
            onChange={setMaxUses}
            errorMessage={problems.error('maxUses')}
          />
        )}
        <TextField
          id={fieldIds.expiresInDays}
          label={t('admin.invitations.days')}
          inputMode="numeric"
          value={days}
          onChange={setDays}
          errorMessage={problems.error('expiresInDays')}
        />
        <FormActions
          submit={
            delivery === 'email' ? t('admin.invitations.send') : t('admin.invitations.makeLink')
          }
          isBusy={mutation.isPending}
          cancel={{ label: t('admin.cancel'), onPress: onCancel }}
        />
      </Form>
    </div>
  );
}

function InvitationItem({
  invitation,
  organisationId,
}: {
  invitation: InvitationSummary;
  organisationId: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeInvitation(invitation.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) });
      showToast({ title: t('admin.invitations.revoked') });
    },
    onError: () => showToast({ title: t('forms.failed') }),
  });
  const who = invitation.email ?? t('admin.invitations.sharedLink');
  return (
    <li className="admin__card">
      <div className="admin__card-head">
        <h3 className="admin__card-title">{who}</h3>
        <span className={`badge${invitation.state === 'open' ? ' badge--sage' : ''}`}>
          {t(`admin.invitations.states.${invitation.state}`)}
        </span>
      </div>
      <p className="admin__muted">
        {t(`roles.${invitation.role}`)}
        {invitation.programName ? ` · ${invitation.programName}` : ''}
        {' · '}
        {t('admin.invitations.uses', { uses: invitation.uses, max: invitation.maxUses })}
        {' · '}
        {t('admin.invitations.until', { date: formatDate(invitation.expiresAt) })}
      </p>
      {invitation.state === 'open' ? (
        <Button
          variant="danger"
          isBusy={revoke.isPending}
          onPress={() => revoke.mutate()}
          aria-label={t('admin.invitations.revokeLabel', { who })}
        >
          {t('admin.invitations.revoke')}
        </Button>
      ) : null}
    </li>
  );
}

export function InvitationsSection({ organisation }: { organisation: OrganisationResponse }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'list' | 'new' | { link: string }>('list');
  const invitations = useQuery({
    queryKey: invitationsKey(organisation.id),
    queryFn: ({ signal }) => fetchInvitations(organisation.id, signal),
  });
  return (
    <section className="admin__section" aria-labelledby="admin-invitations" id="invitations">
      <h2 id="admin-invitations">{t('admin.invitations.heading')}</h2>
      {mode === 'new' ? (
        <NewInvitationForm
          organisation={organisation}
          onCancel={() => setMode('list')}
          onCreated={(link) => setMode(link ? { link } : 'list')}
        />
      ) : typeof mode === 'object' ? (
        <NewLink link={mode.link} onDone={() => setMode('list')} />
      ) : (
        <Button variant="secondary" onPress={() => setMode('new')}>
          {t('admin.invitations.new')}
        </Button>
      )}
      {invitations.isError ? <p>{t('admin.loadFailed')}</p> : null}
      {invitations.data && invitations.data.length === 0 ? (
        <p>{t('admin.invitations.none')}</p>
      ) : null}
      {invitations.data ? (
        <ul className="admin__cards">
          {invitations.data.map((invitation) => (
            <InvitationItem
              key={invitation.id}
              invitation={invitation}
              organisationId={organisation.id}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
