import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../../../shared/profile/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useReachablePrograms } from '../organisations/useReachablePrograms.ts';
import { fetchMyCases, myCasesKey } from './api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';

type Roles = ProfileResponse['roles'];

/** Staff find their programs' boards, sign-offs and agency views here; parties see none. */
function StaffLinks({ roles }: { roles: Roles }) {
  const { t } = useTranslation();
  const boards = useReachablePrograms(
    roles.filter((role) => ['coordinator', 'facilitator', 'org_admin'].includes(role.role)),
  );
  const oversight = useReachablePrograms(
    roles.filter((role) => role.role === 'oversight_reviewer'),
  );
  const agencies = new Map(
    roles
      .filter((role) => role.role === 'professional_standards' || role.role === 'org_admin')
      .filter((role) => role.programId === null)
      .map((role) => [role.organisationId, role.organisationName]),
  );
  if (boards.length === 0 && oversight.length === 0 && agencies.size === 0) return null;
  return (
    <section className="conference-section" aria-labelledby="my-conference-programs">
      <h2 id="my-conference-programs">{t('conferences.mine.staffHeading')}</h2>
      <ul className="conference-links">
        {boards.map(([id, name]) => (
          <li key={`board-${id}`}>
            <Link to={`/programs/${id}/conferences`}>
              {t('conferences.board.heading', { program: name })}
            </Link>
          </li>
        ))}
        {oversight.map(([id, name]) => (
          <li key={`sign-offs-${id}`}>
            <Link to={`/programs/${id}/conferences/sign-offs`}>
              {t('conferences.signOffs.heading', { program: name })}
            </Link>
          </li>
        ))}
        {[...agencies].map(([id, name]) => (
          <li key={`agency-${id}`}>
            <Link to={`/organisations/${id}/conferences`}>
              {t('conferences.agency.heading', { organisation: name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /conferences/mine: the cases the person is a party to, and for staff, where their work is. */
export function MyCasesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('conferences.mine.title'));
  const formatDateTime = useFormatDateTime();
  const me = useSignedIn();
  const mine = useQuery({
    queryKey: myCasesKey,
    queryFn: ({ signal }) => fetchMyCases(signal),
    retry: retryUnlessRefused,
  });
  if (me.isPending || mine.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (!me.data || !mine.data) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.mine.heading')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={me.error ?? mine.error}
          refused={t('conferences.mine.signInFirst')}
          onRetry={() => {
            void me.refetch();
            void mine.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <div className="party-page">
      <PageHeading>{t('conferences.mine.heading')}</PageHeading>
      <p className="form-page__lead">{t('conferences.mine.lead')}</p>
      {mine.data.length === 0 ? (
        <p>{t('conferences.mine.none')}</p>
      ) : (
        <ul className="case-list">
          {mine.data.map((mycase) => (
            <li key={mycase.id} className="case-card">
              <h2 className="case-card__title">
                <Link to={`/conferences/${mycase.id}/my-part`}>
                  {t('conferences.mine.caseTitle', { program: mycase.programName })}
                  <span className="visually-hidden">, {mycase.reference}</span>
                </Link>
              </h2>
              <dl className="case-facts case-facts--compact">
                <div>
                  <dt>{t('conferences.mine.role')}</dt>
                  <dd>{t(`conferences.roles.${mycase.role}`)}</dd>
                </div>
                <div>
                  <dt>{t('conferences.mine.now')}</dt>
                  <dd>{t(`conferences.partyStages.${mycase.stage}`)}</dd>
                </div>
                {mycase.startsAt ? (
                  <div>
                    <dt>{t('conferences.mine.when')}</dt>
                    <dd>{formatDateTime(mycase.startsAt)}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t('conferences.mine.reference')}</dt>
                  <dd>{mycase.reference}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <StaffLinks roles={me.data.roles} />
    </div>
  );
}
