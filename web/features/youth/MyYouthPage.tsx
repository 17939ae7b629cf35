import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyYouthPrograms } from '../../../shared/youth/contract.ts';
import { LoadProblem } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchMyPairs, myPairsKey } from './mentoring-api.ts';
import { fetchMyYouth, myYouthKey } from './mine-api.ts';
import { MyEvents } from './my-events.tsx';
import { RaiseConcern } from './RaiseConcern.tsx';
import './youth-pages.css';

// /youth: a young person's page. Plain words first: whether they can take part yet, who looks
// after their safety, and where to find help right now.

type MyProgram = MyYouthPrograms['programs'][number];

function whereTheyStand(program: MyProgram): 'ready' | 'waiting' | 'notGiven' {
  if (program.mayTakePart) return 'ready';
  const status = program.consent?.status;
  return status === 'declined' || status === 'withdrawn' ? 'notGiven' : 'waiting';
}

/** The young person's mentor, once they may take part: where their messages are. */
function Mentor({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const pairs = useQuery({ queryKey: myPairsKey, queryFn: ({ signal }) => fetchMyPairs(signal) });
  const mine = pairs.data?.filter((pair) => pair.programId === programId) ?? [];
  if (mine.length === 0) return null;
  return (
    <section className="young-card" aria-labelledby={`young-mentor-${programId}`}>
      <h3 id={`young-mentor-${programId}`}>{t('youthMentoring.mine.heading')}</h3>
      {mine.map((pair) => (
        <p key={pair.id}>
          {t('youthMentoring.mine.mentor', { mentor: pair.mentor.name })}{' '}
          <Link to={`/mentoring/${pair.id}`}>{t('youthMentoring.mine.open')}</Link>
        </p>
      ))}
    </section>
  );
}

function Program({ program }: { program: MyProgram }) {
  const { t } = useTranslation();
  const stand = whereTheyStand(program);
  return (
    <article className="young-program" aria-labelledby={`young-program-${program.programId}`}>
      <h2 id={`young-program-${program.programId}`}>{program.programName}</h2>
      <p className={`young-status young-status--${stand === 'ready' ? 'ready' : 'waiting'}`}>
        {t(`youthPages.mine.${stand}`, { lead: program.safeguardingLeadName })}
      </p>
      {program.mayTakePart ? <Mentor programId={program.programId} /> : null}
      {program.mayTakePart ? <MyEvents programId={program.programId} /> : null}
      <section className="young-card" aria-labelledby={`youth-worry-${program.programId}`}>
        <h3 id={`youth-worry-${program.programId}`}>{t('youthPages.mine.worry.heading')}</h3>
        <p>{t('youthPages.mine.worry.body', { lead: program.safeguardingLeadName })}</p>
        <p>{t('youthPages.mine.worry.noSecrets', { lead: program.safeguardingLeadName })}</p>
        <RaiseConcern programId={program.programId} leadName={program.safeguardingLeadName} />
      </section>
      <section className="young-card" aria-labelledby={`young-help-${program.programId}`}>
        <h3 id={`young-help-${program.programId}`}>{t('youthPages.mine.help.heading')}</h3>
        <p className="young-help__danger">{t('youthPages.mine.help.danger')}</p>
        {program.supportResources.trim() ? (
          <p className="young-help__resources">{program.supportResources}</p>
        ) : null}
        <p>{t('youthPages.mine.help.talk')}</p>
      </section>
    </article>
  );
}

export function MyYouthPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('youthPages.mine.title'));
  // Opened straight from their link: the header then offers the young person's account.
  useSignedIn();
  const mine = useQuery({ queryKey: myYouthKey, queryFn: ({ signal }) => fetchMyYouth(signal) });
  if (mine.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (mine.isError) {
    return (
      <LoadProblem
        error={mine.error}
        refused={t('youthPages.mine.refused')}
        failed={t('youthPages.mine.failed')}
        onRetry={() => void mine.refetch()}
      />
    );
  }
  return (
    <div className="young-page">
      <PageHeading focusOnMount>{t('youthPages.mine.heading')}</PageHeading>
      {mine.data.length === 0 ? <p className="young-lead">{t('youthPages.mine.none')}</p> : null}
      {mine.data.map((program) => (
        <Program key={program.programId} program={program} />
      ))}
    </div>
  );
}
