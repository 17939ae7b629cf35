import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProfile } from '../profile/api.ts';
import { fetchOrganisation, organisationKey } from './api.ts';
import { InvitationsSection } from './InvitationsSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { ProgramsSection } from './ProgramsSection.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './admin.css';

/** /organisations/:id: an organisation's programs, people and invitations, for its admins. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useQuery({
    queryKey: organisationKey(organisationId),
    queryFn: ({ signal }) => fetchOrganisation(organisationId, signal),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
  });
  // Who is looking: the header then offers their account, and their own card no way to lock
  // themselves out.
  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    retry: false,
  });
  useDocumentTitle(organisation.data?.name ?? t('admin.title'));

  if (organisation.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (organisation.isError) {
    const status = organisation.error instanceof ApiError ? organisation.error.status : 0;
    if (status === 401) return <Navigate to="/sign-in" replace />;
    return (
      <div className="status-page">
        <PageHeading>{t('admin.title')}</PageHeading>
        <p className="status-page__body">
          {status === 403 || status === 404 ? t('admin.notAllowed') : t('admin.loadFailed')}
        </p>
        {status === 403 || status === 404 ? (
          <Link to="/me">{t('secondFactor.codes.backToAccount')}</Link>
        ) : (
          <Button onPress={() => void organisation.refetch()}>{t('profile.retry')}</Button>
        )}
      </div>
    );
  }
  const data = organisation.data;
  return (
    <div className="admin">
      <PageHeading>{data.name}</PageHeading>
      <p className="form-page__lead">{t(`setup.form.kinds.${data.kind}`)}</p>
      <nav aria-label={t('admin.sectionsLabel')}>
        <ul className="admin__jump">
          <li>
            <a href="#programs">{t('admin.programs.heading')}</a>
          </li>
          <li>
            <a href="#people">{t('admin.people.heading')}</a>
          </li>
          <li>
            <a href="#invitations">{t('admin.invitations.heading')}</a>
          </li>
        </ul>
      </nav>
      <ProgramsSection organisation={data} />
      <PeopleSection organisation={data} yourId={me.data?.personId} />
      <InvitationsSection organisation={data} />
    </div>
  );
}
