import { useTranslation } from 'react-i18next';
import type { ProportionFigure } from '../../../shared/measurement/contract.ts';
import { shareBar } from './chart.ts';
import { FigureTable } from './FigureTable.tsx';
import { useFigureWords } from './useFigureWords.ts';

// Favourable shares as bars from 0 to 100%, each with its 95% interval drawn over it and its
// figures written beside it, then the same as a table: no figure depends on reading a bar.

const WIDTH = 1000;
const HEIGHT = 28;

export interface ShareRow {
  key: string;
  label: string;
  /** Null: nobody in the group answered these questions. */
  figure: ProportionFigure | null;
}

function Bar({ figure, label }: { figure: ProportionFigure; label: string }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const bar = shareBar(figure.favourable, figure.interval, WIDTH);
  return (
    <svg
      className="share-bar"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('measurement.dashboard.shareLabel', {
        name: label,
        share: words.share(figure),
      })}
    >
      <rect width={WIDTH} height={HEIGHT} className="share-bar__empty" />
      <rect width={bar.filled} height={HEIGHT} className="share-bar__filled" />
      {bar.whisker ? (
        <g className="share-bar__interval">
          <line
            x1={bar.whisker.x1}
            x2={bar.whisker.x2}
            y1={HEIGHT / 2}
            y2={HEIGHT / 2}
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1={bar.whisker.x1}
            x2={bar.whisker.x1}
            y1={6}
            y2={HEIGHT - 6}
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1={bar.whisker.x2}
            x2={bar.whisker.x2}
            y1={6}
            y2={HEIGHT - 6}
            vectorEffect="non-scaling-stroke"
          />
        </g>
      ) : null}
    </svg>
  );
}

export function ShareBars({
  rows,
  caption,
  showTable,
  nameHeading,
}: {
  rows: readonly ShareRow[];
  caption: string;
  showTable: string;
  /** The table's first column, e.g. "Part of trust". */
  nameHeading: string;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <div className="share-bars">
      <ul className="share-bars__rows">
        {rows.map((row) => (
          <li key={row.key} className="share-row">
            <span className="share-row__label">{row.label}</span>
            {row.figure ? (
              <>
                <Bar figure={row.figure} label={row.label} />
                <span className="share-row__figures">{words.share(row.figure)}</span>
              </>
            ) : (
              <span className="share-row__figures measurement-muted">
                {t('measurement.figures.noAnswers')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <details className="figure-details">
        <summary>{showTable}</summary>
        <FigureTable caption={caption}>
          <thead>
            <tr>
              <th scope="col">{nameHeading}</th>
              <th scope="col">{t('measurement.table.people')}</th>
              <th scope="col">{t('measurement.table.favourable')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.figure ? row.figure.n : 0}</td>
                <td>{row.figure ? words.share(row.figure) : t('measurement.figures.noAnswers')}</td>
              </tr>
            ))}
          </tbody>
        </FigureTable>
      </details>
    </div>
  );
}
