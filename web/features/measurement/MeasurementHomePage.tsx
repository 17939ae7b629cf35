import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useReachablePrograms } from '../organisations/useReachablePrograms.ts';
import { fetchMySurveys, mySurveysKey } from './api.ts';
import { WaitingSurveys } from './MySurveysPage.tsx';
import { readingRoles } from './roles.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './measurement.css';

function Programs({ roles }: { roles: ProfileResponse['roles'] }) {
  const { t } = useTranslation();
  const programs = useReachablePrograms(roles);
  const organisations = [
    ...new Map(
      roles
        .filter((role) => role.programId === null)
        .map((role) => [role.organisationId, role.organisationName]),
    ),
  ];
  if (programs.length === 0 && organisations.length === 0) {
    return <p>{t('measurement.nav.none')}</p>;
  }
  return (
    <>
      {programs.length > 0 ? (
        <section className="measurement-section" aria-labelledby="measurement-programs">
          <h2 id="measurement-programs">{t('measurement.nav.programs')}</h2>
          <ul className="measurement-list">
            {programs.map(([id, name]) => (
              <li key={id} className="measurement-card">
                <h3 className="measurement-card__title">{name}</h3>
                <div className="measurement-actions">
                  <Link to={`/programs/${id}/measurement`} className="measurement-link">
                    {t('measurement.nav.dashboard')}
                  </Link>
                  <Link to={`/programs/${id}/surveys`} className="measurement-link">
                    {t('measurement.nav.surveys')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organisations.length > 0 ? (
        <section className="measurement-section" aria-labelledby="measurement-organisations">
          <h2 id="measurement-organisations">{t('measurement.nav.organisations')}</h2>
          <ul className="measurement-links">
            {organisations.map(([id, name]) => (
              <li key={id}>
                <Link to={`/organisations/${id}/measurement`} className="measurement-link">
                  {t('measurement.nav.organisationLink', { organisation: name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Surveys waiting for the person, when there are any: staff take part in circles too. */
function Waiting() {
  const { t } = useTranslation();
  const surveys = useQuery({
    queryKey: mySurveysKey,
    queryFn: ({ signal }) => fetchMySurveys(signal),
    retry: retryUnlessRefused,
  });
  if (!surveys.data || surveys.data.length === 0) return null;
  return (
    <section className="measurement-section" aria-labelledby="measurement-waiting">
      <h2 id="measurement-waiting">{t('measurement.mine.title')}</h2>
      <WaitingSurveys surveys={surveys.data} heading="h3" />
    </section>
  );
}

/**
 * /measurement: where each program's surveys and figures are, for the staff who read them, and
 * the surveys waiting for them (their navigation has this page instead of "Surveys").
 */
export function MeasurementHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('measurement.nav.heading'));
  const me = useSignedIn();
  if (me.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!me.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('measurement.nav.heading')}</PageHeading>
        <LoadProblem
          failed={t('measurement.loadFailed')}
          error={me.error}
          refused={t('measurement.nav.none')}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  const reading = me.data.roles.filter((role) => readingRoles.includes(role.role));
  return (
    <div className="measurement-page">
      <PageHeading>{t('measurement.nav.heading')}</PageHeading>
      <p className="form-page__lead">{t('measurement.nav.lead')}</p>
      <Waiting />
      <Programs roles={reading} />
    </div>
  );
}
