import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AgencyCase } from '../../../shared/conferences/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { agencyKey, fetchAgencyCases } from './api.ts';
import { ItemStatusMark } from './marks.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

function AgencyCard({ agencyCase }: { agencyCase: AgencyCase }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (
    <li className="case-card">
      <h2 className="case-card__title">{agencyCase.reference}</h2>
      <dl className="case-facts case-facts--compact">
        <div>
          <dt>{t('conferences.agency.decision')}</dt>
          <dd>{t(`conferences.agency.decisions.${agencyCase.decision}`)}</dd>
        </div>
        <div>
          <dt>{t('conferences.agency.stage')}</dt>
          <dd>{t(`conferences.stages.${agencyCase.stage}`)}</dd>
        </div>
        {agencyCase.outcome ? (
          <div>
            <dt>{t('conferences.closure.outcome')}</dt>
            <dd>{t(`conferences.outcomes.${agencyCase.outcome}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('conferences.agency.completion')}</dt>
          <dd>
            {agencyCase.items.total === 0
              ? t('conferences.agency.noItems')
              : t('conferences.agency.itemsDone', {
                  done: agencyCase.items.done,
                  total: agencyCase.items.total,
                })}
          </dd>
        </div>
      </dl>
      {agencyCase.owed.length > 0 ? (
        <>
          <h3 className="case-card__subheading">{t('conferences.agency.owed')}</h3>
          <ul className="case-plain-list">
            {agencyCase.owed.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the agency's view has no item ids
              <li key={index}>
                <strong>{t(`conferences.itemKinds.${item.kind}`)}</strong>:{' '}
                <span className="conference-words">{item.description}</span>{' '}
                {t('conferences.agency.dueOn', { date: formatDay(item.dueOn) })}{' '}
                <ItemStatusMark status={item.status} overdue={false} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/**
 * /organisations/:organisationId/conferences: what a police agency sees of misconduct cases
 * about its officers: decisions, the items it owes and completion, never a statement.
 */
export function AgencyCasesPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const me = useSignedIn();
  const cases = useQuery({
    queryKey: agencyKey(organisationId),
    queryFn: ({ signal }) => fetchAgencyCases(organisationId, signal),
    retry: retryUnlessRefused,
  });
  const organisation = me.data?.roles.find((role) => role.organisationId === organisationId);
  const heading = organisation
    ? t('conferences.agency.heading', { organisation: organisation.organisationName })
    : t('conferences.agency.title');
  useDocumentTitle(heading);
  if (cases.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (cases.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.agency.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={cases.error}
          refused={t('conferences.agency.notAllowed')}
          onRetry={() => void cases.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="case-board-page">
      <PageHeading>{heading}</PageHeading>
      <p className="form-page__lead">{t('conferences.agency.lead')}</p>
      {cases.data.length === 0 ? (
        <p className="case-notice">{t('conferences.agency.none')}</p>
      ) : (
        <ul className="case-list">
          {cases.data.map((agencyCase) => (
            <AgencyCard key={agencyCase.reference} agencyCase={agencyCase} />
          ))}
        </ul>
      )}
    </div>
  );
}
