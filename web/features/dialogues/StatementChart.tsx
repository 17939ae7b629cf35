import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupRates, Rates } from '../../../shared/dialogues/analysis.ts';
import { participantRoles } from '../../../shared/dialogues/analysis.ts';
import type { ReportStatement } from '../../../shared/dialogues/contract.ts';
import { intervalSpan, stackedSegments } from './chart.ts';
import { agreeFigures, wholePercent } from './figures.ts';

const WIDTH = 1000;
const HEIGHT = 28;

/** One row of a statement's chart: overall, a role group, or an opinion group. */
export interface ChartRow {
  key: string;
  label: string;
  rates: GroupRates;
}

/** Opinion groups are named by letter, as Pol.is does: A, B, C… */
export const groupLetter = (index: number) => String.fromCharCode(65 + (index % 26));

export function rowsOf(statement: ReportStatement, t: TFunction): ChartRow[] {
  const rows: ChartRow[] = [
    {
      key: 'overall',
      label: t('dialogues.results.overall'),
      rates: { shown: true, ...statement.overall },
    },
  ];
  for (const role of participantRoles) {
    rows.push({
      key: role,
      label: t(`dialogues.results.roles.${role}`),
      rates: statement.byRole[role],
    });
  }
  statement.byOpinionGroup.forEach((rates, index) => {
    rows.push({
      key: `group-${index}`,
      label: t('dialogues.results.group', { letter: groupLetter(index) }),
      rates,
    });
  });
  return rows;
}

/** "62% agree (48–75%)", or that nobody voted yet. */
export function useAgreeWords() {
  const { t } = useTranslation();
  return (rates: Rates) =>
    rates.seen === 0
      ? t('dialogues.results.noVotes')
      : t('dialogues.results.agreeWithInterval', {
          ...agreeFigures(rates.agreeRate, rates.agreeInterval),
        });
}

/**
 * A stacked bar of agree, disagree and pass, with the agree rate's 95% interval drawn over it.
 * Agree is solid, disagree hatched and pass pale, so the parts differ without colour; the image
 * is named with every figure for a screen reader.
 */
export function StackedBar({ rates, label }: { rates: Rates; label: string }) {
  const { t } = useTranslation();
  const hatch = `hatch-${useId().replace(/:/g, '')}`;
  const segments = stackedSegments(rates, WIDTH);
  const span = intervalSpan(rates.agreeInterval, WIDTH);
  const name = t('dialogues.results.barLabel', {
    group: label,
    agree: wholePercent(rates.agreeRate),
    disagree: wholePercent(rates.disagreeRate),
    pass: wholePercent(rates.passRate),
    count: rates.seen,
  });
  return (
    <svg
      className="stacked-bar"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={name}
    >
      <defs>
        <pattern
          id={hatch}
          width="36"
          height="36"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="36" height="36" className="stacked-bar__disagree" />
          <line x1="0" y1="0" x2="0" y2="36" className="stacked-bar__hatch" strokeWidth="22" />
        </pattern>
      </defs>
      <rect width={WIDTH} height={HEIGHT} className="stacked-bar__empty" />
      {segments.map((segment) => (
        <rect
          key={segment.choice}
          x={segment.x}
          y={0}
          width={segment.width}
          height={HEIGHT}
          className={`stacked-bar__${segment.choice}`}
          fill={segment.choice === 'disagree' ? `url(#${hatch})` : undefined}
        />
      ))}
      {rates.seen > 0 ? (
        <g className="stacked-bar__interval">
          <line
            x1={span.x1}
            x2={span.x2}
            y1={HEIGHT / 2}
            y2={HEIGHT / 2}
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1={span.x1}
            x2={span.x1}
            y1={6}
            y2={HEIGHT - 6}
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1={span.x2}
            x2={span.x2}
            y1={6}
            y2={HEIGHT - 6}
            vectorEffect="non-scaling-stroke"
          />
        </g>
      ) : null}
    </svg>
  );
}

function RatesTable({
  rows,
  caption,
  threshold,
}: {
  rows: readonly ChartRow[];
  caption: string;
  threshold: number;
}) {
  const { t } = useTranslation();
  const agreeWords = useAgreeWords();
  return (
    // Wider than a phone: it scrolls sideways, and takes focus so a keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable
    <section className="rates-table__wrap" aria-label={caption} tabIndex={0}>
      <table className="rates-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dialogues.results.table.group')}</th>
            <th scope="col">{t('dialogues.vote.agree')}</th>
            <th scope="col">{t('dialogues.vote.disagree')}</th>
            <th scope="col">{t('dialogues.vote.pass')}</th>
            <th scope="col">{t('dialogues.results.table.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.rates.shown ? (
                <>
                  <td>{row.rates.agree}</td>
                  <td>{row.rates.disagree}</td>
                  <td>{row.rates.pass}</td>
                  <td>{agreeWords(row.rates)}</td>
                </>
              ) : (
                <td colSpan={4}>{t('dialogues.results.fewer', { threshold })}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A statement's votes overall, by role and by opinion group: bars, words, and a table. */
export function StatementChart({
  statement,
  threshold,
}: {
  statement: ReportStatement;
  threshold: number;
}) {
  const { t } = useTranslation();
  const agreeWords = useAgreeWords();
  const rows = rowsOf(statement, t);
  return (
    <div className="statement-chart">
      <ul className="statement-chart__rows">
        {rows.map((row) => (
          <li
            key={row.key}
            className={`chart-row chart-row--${row.key === 'overall' ? 'overall' : 'group'}`}
          >
            <span className="chart-row__label">{row.label}</span>
            {row.rates.shown ? (
              <>
                <StackedBar rates={row.rates} label={row.label} />
                <span className="chart-row__figures">
                  {agreeWords(row.rates)}
                  {row.rates.seen > 0 ? (
                    <span className="dialogue-muted">
                      {' '}
                      {t('dialogues.results.votes', { count: row.rates.seen })}
                    </span>
                  ) : null}
                </span>
              </>
            ) : (
              <span className="chart-row__figures dialogue-muted chart-row__hidden">
                {t('dialogues.results.fewer', { threshold })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <details className="statement-chart__table">
        <summary>{t('dialogues.results.showTable', { number: statement.number })}</summary>
        <RatesTable
          rows={rows}
          threshold={threshold}
          caption={t('dialogues.results.tableCaption', { number: statement.number })}
        />
      </details>
    </div>
  );
}
