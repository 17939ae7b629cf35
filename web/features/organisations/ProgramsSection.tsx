import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  createProgramRequest,
  type OrganisationKind,
  type OrganisationResponse,
  organisationKinds,
  type PartnerChoice,
} from '../../../shared/organisations/contract.ts';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { holdsIn } from '../conferences/roles.ts';
import { youthManagingRoles } from '../youth/roles.ts';
import {
  allOrganisationsKey,
  createProgram,
  fetchAllOrganisations,
  organisationKey,
} from './api.ts';

const NEW = 'new';

interface PartnerRow {
  key: number;
  /** An organisation's id, or NEW for one added by name. */
  choice: string;
  name: string;
  kind: OrganisationKind | null;
}

const fieldIds = {
  name: 'program-name',
  description: 'program-description',
  partners: 'program-partners',
} as const;

function NewProgramForm({
  organisation,
  onDone,
}: {
  organisation: OrganisationResponse;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [partners, setPartners] = useState<PartnerRow[]>([]);
  const problems = useFormProblems(fieldIds);
  const others = useQuery({
    queryKey: allOrganisationsKey,
    queryFn: ({ signal }) => fetchAllOrganisations(signal),
    retry: false,
  });
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createProgram>[1]) => createProgram(organisation.id, body),
  });
  const choices = (others.data ?? []).filter((candidate) => candidate.id !== organisation.id);

  function update(key: number, change: Partial<PartnerRow>) {
    setPartners((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const chosen: Partial<PartnerChoice>[] = partners.map((row) =>
      row.choice === NEW
        ? { name: row.name, kind: row.kind ?? undefined }
        : { organisationId: row.choice },
    );
    const parsed = createProgramRequest.safeParse({ name, description, partners: chosen });
    if (!parsed.success) {
      const fields: Partial<Record<keyof typeof fieldIds, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'name') fields.name ??= t('admin.programs.errors.name');
        if (field === 'description') fields.description ??= t('admin.programs.errors.description');
        if (field === 'partners') fields.partners ??= t('admin.programs.errors.partner');
      }
      return problems.show(fields);
    }
    mutation.mutate(parsed.data, {
      onSuccess: (program) => {
        void queryClient.invalidateQueries({ queryKey: organisationKey(organisation.id) });
        void queryClient.invalidateQueries({ queryKey: allOrganisationsKey });
        showToast({ title: t('admin.programs.created', { name: program.name }) });
        onDone();
      },
      onError: (error) => problems.showFailure(error),
    });
  }

  return (
    <div className="admin__panel">
      <h3 className="admin__panel-heading">{t('admin.programs.new')}</h3>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField
          id={fieldIds.name}
          label={t('admin.programs.name')}
          description={t('admin.programs.nameHelp')}
          value={name}
          onChange={setName}
          errorMessage={problems.error('name')}
        />
        <TextField
          id={fieldIds.description}
          label={t('admin.programs.description')}
          multiline
          value={description}
          onChange={setDescription}
          errorMessage={problems.error('description')}
        />
        <fieldset className="admin__partners" id={fieldIds.partners}>
          <legend className="field__label">{t('admin.programs.partners')}</legend>
          <p className="field__description">{t('admin.programs.partnersHelp')}</p>
          {partners.map((row, index) => (
            <div key={row.key} className="admin__partner">
              <SelectField
                label={t('admin.programs.partner', { number: index + 1 })}
                value={row.choice}
                onChange={(choice) => update(row.key, { choice })}
                options={[
                  ...choices.map((choice) => ({ value: choice.id, label: choice.name })),
                  { value: NEW, label: t('admin.programs.newOrganisation') },
                ]}
              />
              {row.choice === NEW ? (
                <>
                  <TextField
                    label={t('admin.programs.partnerName')}
                    value={row.name}
                    onChange={(value) => update(row.key, { name: value })}
                  />
                  <RadioGroup
                    label={t('setup.form.kind')}
                    options={organisationKinds.map((kind) => ({
                      value: kind,
                      label: t(`setup.form.kinds.${kind}`),
                    }))}
                    value={row.kind}
                    onChange={(kind) => update(row.key, { kind: kind as OrganisationKind })}
                  />
                </>
              ) : null}
              <Button
                variant="quiet"
                onPress={() => setPartners((rows) => rows.filter((other) => other.key !== row.key))}
              >
                {t('admin.programs.removePartner', { number: index + 1 })}
              </Button>
            </div>
          ))}
          {problems.error('partners') ? (
            <p className="field__error">{problems.error('partners')}</p>
          ) : null}
          <Button
            variant="secondary"
            onPress={() =>
              setPartners((rows) => [
                ...rows,
                {
                  key: Date.now(),
                  choice: choices[0]?.id ?? NEW,
                  name: '',
                  kind: 'community_organisation',
                },
              ])
            }
          >
            {t('admin.programs.addPartner')}
          </Button>
        </fieldset>
        <FormActions
          submit={t('admin.programs.create')}
          isBusy={mutation.isPending}
          cancel={{ label: t('admin.cancel'), onPress: onDone }}
        />
      </Form>
    </div>
  );
}

export function ProgramsSection({ organisation }: { organisation: OrganisationResponse }) {
  const { t } = useTranslation();
  // The youth page is offered to those who may make a program a youth program.
  const me = useSignedIn();
  const [adding, setAdding] = useState(false);
  return (
    <section className="admin__section" aria-labelledby="admin-programs" id="programs">
      <h2 id="admin-programs">{t('admin.programs.heading')}</h2>
      {organisation.programs.length === 0 ? <p>{t('admin.programs.none')}</p> : null}
      <ul className="admin__cards">
        {organisation.programs.map((program) => (
          <li key={program.id} className="admin__card">
            <h3 className="admin__card-title">{program.name}</h3>
            {program.description ? <p>{program.description}</p> : null}
            <p className="admin__muted">
              {t('admin.programs.runBy', {
                organisations: program.organisations.map((one) => one.name).join(', '),
              })}
            </p>
            <p>
              <Link to={`/programs/${program.id}/circles`}>
                {t('circles.list.heading', { program: program.name })}
              </Link>
            </p>
            <p>
              <Link to={`/programs/${program.id}/commitments`}>
                {t('admin.programs.commitments', { program: program.name })}
              </Link>
            </p>
            <p>
              <Link to={`/programs/${program.id}/conferences`}>
                {t('conferences.board.heading', { program: program.name })}
              </Link>
            </p>
            <p>
              <Link to={`/programs/${program.id}/dialogues`}>
                {t('dialogues.list.heading', { program: program.name })}
              </Link>
            </p>
            <p>
              <Link to={`/programs/${program.id}/courses`}>
                {t('training.courses.link', { program: program.name })}
              </Link>
            </p>
            {holdsIn(
              me.data?.roles,
              youthManagingRoles,
              program.id,
              program.organisations.map((one) => one.id),
            ) ? (
              <p>
                <Link to={`/programs/${program.id}/youth`}>
                  {t('youth.program.link', { program: program.name })}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {adding ? (
        <NewProgramForm organisation={organisation} onDone={() => setAdding(false)} />
      ) : (
        <Button variant="secondary" onPress={() => setAdding(true)}>
          {t('admin.programs.new')}
        </Button>
      )}
    </section>
  );
}
