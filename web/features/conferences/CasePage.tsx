import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import type { CaseStage } from '../../../shared/conferences/machine.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchProgram, programKey } from '../organisations/api.ts';
import { AgreementSection } from './AgreementSection.tsx';
import { caseKey, fetchCase, fetchSettings, settingsKey } from './api.ts';
import { CaseHeader, type Jump } from './CaseHeader.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ClosureSection } from './ClosureSection.tsx';
import { PartiesSection } from './PartiesSection.tsx';
import { RecordsSection } from './RecordsSection.tsx';
import { ReferralSection } from './ReferralSection.tsx';
import { configuringRoles, holdsIn } from './roles.ts';
import { ScheduleSection } from './ScheduleSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';
import { ScriptSection } from './ScriptSection.tsx';
import { TeamSection } from './TeamSection.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './conferences.css';
import './case.css';

/** Stages from which the conference itself is being prepared or has happened. */
const accepted: ReadonlySet<CaseStage> = new Set([
  'preparation',
  'scheduled',
  'held',
  'agreement',
  'monitoring',
  'closed',
]);
const agreed: ReadonlySet<CaseStage> = new Set(['held', 'agreement', 'monitoring', 'closed']);

/** The sections this case has reached, in the order a coordinator works through them. */
function useJumps(detail: CaseDetail): Jump[] {
  const { t } = useTranslation();
  const reached = accepted.has(detail.stage);
  return [
    { id: 'case-referral', label: t('conferences.case.referral.heading') },
    { id: 'case-screening', label: t('conferences.screening.heading') },
    { id: 'case-parties', label: t('conferences.parties.heading') },
    { id: 'case-team', label: t('conferences.team.heading') },
    { id: 'case-records', label: t('conferences.records.heading') },
    ...(reached
      ? [
          { id: 'case-schedule', label: t('conferences.schedule.heading') },
          { id: 'case-script', label: t('conferences.script.heading') },
        ]
      : []),
    ...(agreed.has(detail.stage) || detail.items.length > 0
      ? [{ id: 'case-agreement', label: t('conferences.agreement.heading') }]
      : []),
    { id: 'case-closure', label: t('conferences.closure.heading') },
    { id: 'case-timeline', label: t('conferences.timeline.heading') },
  ];
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const me = useSignedIn();
  const program = useQuery({
    queryKey: programKey(detail.programId),
    queryFn: ({ signal }) => fetchProgram(detail.programId, signal),
    retry: retryUnlessRefused,
  });
  const organisationIds = program.data?.organisations.map((organisation) => organisation.id);
  // The program's rules show beside the eligibility finding, for those who may read them.
  const mayReadRules =
    organisationIds !== undefined &&
    holdsIn(me.data?.roles, configuringRoles, detail.programId, organisationIds);
  const settings = useQuery({
    queryKey: settingsKey(detail.programId),
    queryFn: ({ signal }) => fetchSettings(detail.programId, signal),
    enabled: mayReadRules,
    retry: false,
  });
  const jumps = useJumps(detail);
  const reached = jumps.map((jump) => jump.id);
  return (
    <div className="case-page">
      <CaseHeader detail={detail} jumps={jumps} />
      <ReferralSection detail={detail} />
      <ScreeningSection detail={detail} rules={settings.data?.rules} />
      <PartiesSection detail={detail} />
      <TeamSection detail={detail} />
      <RecordsSection detail={detail} />
      {reached.includes('case-schedule') ? <ScheduleSection detail={detail} /> : null}
      {reached.includes('case-script') ? <ScriptSection detail={detail} /> : null}
      {reached.includes('case-agreement') ? (
        <AgreementSection detail={detail} program={program.data} />
      ) : null}
      <ClosureSection detail={detail} />
      <CaseTimeline detail={detail} />
    </div>
  );
}

/** /conferences/:conferenceId: one case for its team, from referral to closure. */
export function CasePage() {
  const { t } = useTranslation();
  const { conferenceId = '' } = useParams();
  const query = useQuery({
    queryKey: caseKey(conferenceId),
    queryFn: ({ signal }) => fetchCase(conferenceId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(
    query.data
      ? t('conferences.case.heading', { reference: query.data.reference })
      : t('conferences.case.title'),
  );
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (query.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.case.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={query.error}
          refused={t('conferences.case.notFound')}
          onRetry={() => void query.refetch()}
        />
        <Link to="/conferences/mine">{t('conferences.mine.backLink')}</Link>
      </div>
    );
  }
  return <CaseView detail={query.data} />;
}
