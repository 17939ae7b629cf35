import { useTranslation } from 'react-i18next';
import type { QuarterFigures } from '../../../shared/measurement/contract.ts';
import { SCALE_MAX, SCALE_MIN } from '../../../shared/measurement/item-bank.ts';
import { axisTicks, type Frame, linePath, plotTrend, type TrendValue, yOf } from './chart.ts';
import { FigureTable } from './FigureTable.tsx';
import { type FigureWords, useFigureWords } from './useFigureWords.ts';

// The trust index quarter by quarter: a point for each quarter with its 95% interval as a
// whisker, a gap where a quarter has no figure, and the same figures as a table beside it.
// The drawing is one image named with every figure, for a screen reader; its text is sized in
// the drawing's own units, so the chart reads on a phone and stays modest on a desktop.

const frame: Frame = {
  width: 400,
  height: 240,
  left: 30,
  right: 8,
  top: 12,
  bottom: 50,
  min: SCALE_MIN,
  max: SCALE_MAX,
};

function trendValues(trend: readonly QuarterFigures[]): TrendValue[] {
  return trend.map(({ quarter, figures }) => {
    const trust = 'hidden' in figures ? null : figures.trust;
    return {
      key: quarter,
      estimate: trust ? trust.mean : null,
      interval: trust?.interval ?? null,
    };
  });
}

/** "Q3 2026: 3.4 out of 5 (…)", each quarter in turn: the image's name. */
function spokenValues(trend: readonly QuarterFigures[], words: FigureWords, notShown: string) {
  return trend
    .map(({ quarter, figures }) => {
      const trust = 'hidden' in figures ? null : figures.trust;
      return `${words.quarter(quarter)}: ${trust ? words.mean(trust) : notShown}`;
    })
    .join('; ');
}

function TrendTable({
  trend,
  caption,
  threshold,
}: {
  trend: readonly QuarterFigures[];
  caption: string;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <FigureTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('measurement.table.quarter')}</th>
          <th scope="col">{t('measurement.table.people')}</th>
          <th scope="col">{t('measurement.table.trust')}</th>
        </tr>
      </thead>
      <tbody>
        {trend.map(({ quarter, figures }) => (
          <tr key={quarter}>
            <th scope="row">
              {words.quarter(quarter)}{' '}
              <span className="measurement-muted">({words.quarterMonths(quarter)})</span>
            </th>
            {'hidden' in figures ? (
              <td colSpan={2}>{words.hidden(figures, threshold)}</td>
            ) : (
              <>
                <td>{figures.n}</td>
                <td>
                  {figures.trust ? words.mean(figures.trust) : t('measurement.figures.noAnswers')}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </FigureTable>
  );
}

export function TrendChart({
  trend,
  caption,
  showTable,
  threshold,
}: {
  trend: readonly QuarterFigures[];
  /** What the chart shows, e.g. "Trust index by quarter": the table's caption too. */
  caption: string;
  /** The words of the control that opens the table. */
  showTable: string;
  /** The program's smallest group, when known, to say why a quarter is hidden. */
  threshold: number | null;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const points = plotTrend(trendValues(trend), frame);
  const path = linePath(points);
  const name = t('measurement.dashboard.trendLabel', {
    values: spokenValues(trend, words, t('measurement.dashboard.notShown')),
  });
  return (
    <div className="trend">
      <svg
        className="trend-chart"
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        role="img"
        aria-label={name}
      >
        {axisTicks(frame.min, frame.max, 1).map((tick) => {
          const y = yOf(tick, frame);
          return (
            <g key={tick} className="trend-chart__tick">
              <line x1={frame.left} x2={frame.width - frame.right} y1={y} y2={y} />
              <text x={frame.left - 8} y={y} dominantBaseline="middle" textAnchor="end">
                {tick}
              </text>
            </g>
          );
        })}
        {path ? <path d={path} className="trend-chart__line" /> : null}
        {points.map((point) => (
          <g key={point.key}>
            {point.whisker ? (
              <g className="trend-chart__whisker">
                <line x1={point.x} x2={point.x} y1={point.whisker.top} y2={point.whisker.bottom} />
                <line
                  x1={point.x - 5}
                  x2={point.x + 5}
                  y1={point.whisker.top}
                  y2={point.whisker.top}
                />
                <line
                  x1={point.x - 5}
                  x2={point.x + 5}
                  y1={point.whisker.bottom}
                  y2={point.whisker.bottom}
                />
              </g>
            ) : null}
            {point.y === null ? null : (
              <circle cx={point.x} cy={point.y} r={4.5} className="trend-chart__point" />
            )}
            <text
              x={point.x}
              y={frame.height - frame.bottom + 20}
              textAnchor="middle"
              className={point.y === null ? 'trend-chart__label is-empty' : 'trend-chart__label'}
            >
              <tspan x={point.x}>{words.quarterShort(point.key)}</tspan>
              <tspan x={point.x} dy={18}>
                {point.key.slice(0, 4)}
              </tspan>
            </text>
          </g>
        ))}
      </svg>
      <details className="figure-details">
        <summary>{showTable}</summary>
        <TrendTable trend={trend} caption={caption} threshold={threshold} />
      </details>
    </div>
  );
}
