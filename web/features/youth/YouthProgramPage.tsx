import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { YouthSettingsView } from '../../../shared/youth/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchCirclePeople } from '../circles/api.ts';
import { holdsIn } from '../conferences/roles.ts';
import { fetchProgram, programKey } from '../organisations/api.ts';
import {
  fetchYoungPeople,
  fetchYouthSettings,
  youngPeopleKey,
  youthKey,
  youthSettingsKey,
} from './api.ts';
import { EventsSection } from './events-section.tsx';
import { MentoringSection } from './mentoring-section.tsx';
import { youthManagingRoles, youthReportingRoles } from './roles.ts';
import { YouthSettingsForm } from './settings-form.tsx';
import { YoungPeopleSection } from './young-people-section.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import '../conferences/conferences.css';
import './youth.css';

/** The settings as facts, for a facilitator who reads them but does not change them. */
function SettingsFacts({ settings }: { settings: YouthSettingsView }) {
  const { t } = useTranslation();
  const yes = (on: boolean, words: string) => (on ? <li>{words}</li> : null);
  return (
    <section className="youth-section" aria-labelledby="youth-settings-heading">
      <h2 id="youth-settings-heading">{t('youth.program.settings.heading')}</h2>
      <dl className="youth-facts">
        <div>
          <dt>{t('youth.program.settings.ages')}</dt>
          <dd>
            {settings.minAge}–{settings.maxAge}
          </dd>
        </div>
        <div>
          <dt>{t('youth.program.settings.safeguardingLead')}</dt>
          <dd>{settings.safeguardingLead.name}</dd>
        </div>
        <div>
          <dt>{t('youth.program.settings.aboutForGuardians')}</dt>
          <dd>{settings.aboutForGuardians}</dd>
        </div>
      </dl>
      <ul>
        {yes(settings.twoAdultsPresent, t('youth.program.settings.twoAdultsPresent'))}
        {yes(settings.openPlacesOnly, t('youth.program.settings.openPlacesOnly'))}
        {yes(settings.guardianSeesMentoring, t('youth.program.settings.guardianSeesMentoring'))}
      </ul>
    </section>
  );
}

/** /programs/:programId/youth: a youth program's settings and its young people. */
export function YouthProgramPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(programId),
    queryFn: ({ signal }) => fetchProgram(programId, signal),
    retry: retryUnlessRefused,
  });
  const settings = useQuery({
    queryKey: youthSettingsKey(programId),
    queryFn: ({ signal }) => fetchYouthSettings(programId, signal),
    retry: retryUnlessRefused,
  });
  const organisationIds = program.data?.organisations.map((organisation) => organisation.id) ?? [];
  const mayManage = holdsIn(me.data?.roles, youthManagingRoles, programId, organisationIds);
  // The people who may keep the program's circles are those who may be its safeguarding lead.
  const keepers = useQuery({
    queryKey: [...youthKey(programId), 'keepers'],
    queryFn: ({ signal }) => fetchCirclePeople(programId, signal),
    retry: retryUnlessRefused,
    enabled: mayManage,
  });
  // Shared with the list below: how many guardians a change of their words would email.
  const youngPeople = useQuery({
    queryKey: youngPeopleKey(programId),
    queryFn: ({ signal }) => fetchYoungPeople(programId, signal),
    retry: retryUnlessRefused,
    enabled: Boolean(settings.data),
  });
  const name = program.data?.name;
  useDocumentTitle(name ? t('youth.program.heading', { program: name }) : t('youth.program.title'));
  const loading =
    program.isPending || settings.isPending || me.isPending || (mayManage && keepers.isPending);
  if (loading && !program.isError && !settings.isError && !keepers.isError) {
    return <p className="page-loading">{t('app.loading')}</p>;
  }
  if (!program.data || settings.data === undefined || (mayManage && !keepers.data)) {
    return (
      <div className="status-page">
        <PageHeading>{t('youth.program.title')}</PageHeading>
        <LoadProblem
          failed={t('youth.program.loadFailed')}
          error={program.error ?? settings.error ?? keepers.error}
          refused={t('youth.program.notAllowed')}
          onRetry={() => {
            void program.refetch();
            void settings.refetch();
            void keepers.refetch();
          }}
        />
      </div>
    );
  }
  const guardiansToAsk = youngPeople.data?.filter(
    (person) =>
      person.minor &&
      (person.consent?.status === 'given' || person.consent?.status === 'requested'),
  ).length;
  return (
    <div className="youth-page">
      <PageHeading>{t('youth.program.heading', { program: program.data.name })}</PageHeading>
      <p className="form-page__lead">{t('youth.program.lead')}</p>
      {settings.data && holdsIn(me.data?.roles, youthReportingRoles, programId, organisationIds) ? (
        <p>
          <Link to={`/programs/${programId}/youth-report`}>{t('youthReport.link')}</Link>
        </p>
      ) : null}
      {mayManage && keepers.data ? (
        <YouthSettingsForm
          programId={programId}
          programName={program.data.name}
          settings={settings.data}
          keepers={keepers.data.keepers}
          myPersonId={me.data?.personId}
          guardiansToAsk={guardiansToAsk}
        />
      ) : settings.data ? (
        <SettingsFacts settings={settings.data} />
      ) : null}
      {settings.data ? (
        <>
          <YoungPeopleSection
            programId={programId}
            settings={settings.data}
            mayManage={mayManage}
          />
          <MentoringSection programId={programId} mayManage={mayManage} />
          <EventsSection programId={programId} mayManage={mayManage} />
        </>
      ) : (
        <section className="youth-section" aria-labelledby="youth-people-heading">
          <h2 id="youth-people-heading">{t('youth.program.people.heading')}</h2>
          <p>{t('youth.program.people.notYet')}</p>
        </section>
      )}
    </div>
  );
}
