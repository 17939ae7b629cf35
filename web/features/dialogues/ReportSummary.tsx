import { useTranslation } from 'react-i18next';
import { participantRoles } from '../../../shared/dialogues/analysis.ts';
import type { DialogueReport } from '../../../shared/dialogues/contract.ts';
import { groupLetter } from './StatementChart.tsx';
import { ChoiceIcon } from './VoteButtons.tsx';

/** How many took part, by role and by opinion group; a group under the threshold is not counted. */
export function ReportSummary({ report }: { report: DialogueReport }) {
  const { t } = useTranslation();
  const count = (value: number | null) =>
    value === null ? t('dialogues.results.fewer', { threshold: report.threshold }) : value;
  return (
    <section className="dialogue-section" aria-labelledby="report-summary">
      <h2 id="report-summary">{t('dialogues.results.summary')}</h2>
      <dl className="dialogue-facts">
        <div>
          <dt>{t('dialogues.results.participants')}</dt>
          <dd>{report.participants}</dd>
        </div>
        {participantRoles.map((role) => (
          <div key={role}>
            <dt>{t(`dialogues.results.roles.${role}`)}</dt>
            <dd>{count(report.byRole[role])}</dd>
          </div>
        ))}
        <div>
          <dt>{t('dialogues.results.votesCast')}</dt>
          <dd>{report.votes}</dd>
        </div>
        <div>
          <dt>{t('dialogues.results.grouped')}</dt>
          <dd>{report.grouped}</dd>
        </div>
        <div>
          <dt>{t('dialogues.results.opinionGroups')}</dt>
          <dd>
            {report.opinionGroups.length === 0 ? (
              t('dialogues.results.noGroups')
            ) : (
              <ul className="opinion-groups">
                {report.opinionGroups.map((group, index) => (
                  <li key={group.id}>
                    {t('dialogues.results.group', { letter: groupLetter(index) })}:{' '}
                    {group.size === null
                      ? t('dialogues.results.fewer', { threshold: report.threshold })
                      : t('dialogues.results.people', { count: group.size })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p className="dialogue-muted">{t('dialogues.results.groupsExplained')}</p>
    </section>
  );
}

/** What the bars' parts mean: each with its sign and pattern as well as its colour. */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend" aria-label={t('dialogues.results.legend')}>
      {(['agree', 'disagree', 'pass'] as const).map((choice) => (
        <li key={choice} className="chart-legend__item">
          <span
            className={`chart-legend__swatch chart-legend__swatch--${choice}`}
            aria-hidden="true"
          />
          <ChoiceIcon choice={choice} />
          {t(`dialogues.vote.${choice}`)}
        </li>
      ))}
      <li className="chart-legend__item">
        <span className="chart-legend__interval" aria-hidden="true" />
        {t('dialogues.results.intervalLegend')}
      </li>
    </ul>
  );
}
