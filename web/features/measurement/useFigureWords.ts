import { useTranslation } from 'react-i18next';
import type {
  Hidden,
  MeanFigure,
  ProportionFigure,
  Quarter,
} from '../../../shared/measurement/contract.ts';
import { meanFigures, parseQuarter, quarterSpan, shareFigures } from './figures.ts';

/**
 * Figures said in the reader's language: "3.4 out of 5 (95% interval 3.1 to 3.7)", "62% (…)",
 * a quarter as "Q3 2026" and its months, and why a hidden figure is hidden.
 */
export function useFigureWords() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const oneDecimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const twoDecimals = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const months = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

  // Days are calendar days (YYYY-MM-DD), read at UTC midnight so no time zone moves them.
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

  const quarter = (text: Quarter) => {
    const parsed = parseQuarter(text);
    return parsed ? t('measurement.quarter', parsed) : text;
  };

  return {
    decimal: (value: number) => oneDecimal.format(value),
    hundredths: (value: number) => twoDecimals.format(value),
    quarter,
    /** "December 31, 2026": a calendar day. */
    day: (text: string) => longDay.format(new Date(`${text}T00:00:00Z`)),
    quarterShort: (text: Quarter) => {
      const parsed = parseQuarter(text);
      return parsed ? t('measurement.quarterShort', parsed) : text;
    },
    /** "Jul – Sep 2026": the months a quarter covers, for readers who do not count quarters. */
    quarterMonths: (text: Quarter) => {
      const span = quarterSpan(text);
      return span ? months.formatRange(span.first, span.last) : text;
    },
    mean: (figure: MeanFigure) => {
      const { mean, interval } = meanFigures(figure);
      return interval
        ? t('measurement.figures.meanWithInterval', {
            mean: oneDecimal.format(mean),
            lower: oneDecimal.format(interval.lower),
            upper: oneDecimal.format(interval.upper),
          })
        : t('measurement.figures.mean', { mean: oneDecimal.format(mean) });
    },
    share: (figure: ProportionFigure) => {
      const { percent, interval } = shareFigures(figure);
      return interval
        ? t('measurement.figures.shareWithInterval', {
            percent,
            lower: interval.lower,
            upper: interval.upper,
          })
        : t('measurement.figures.share', { percent });
    },
    /** Why a figure is not shown; without a threshold, the plainest words. */
    hidden: (hidden: Hidden, threshold: number | null) => {
      if (hidden.hidden !== 'below_threshold') return t('measurement.hidden.derivable');
      return threshold === null
        ? t('measurement.hidden.tooFew')
        : t('measurement.hidden.belowThreshold', { threshold });
    },
  };
}

export type FigureWords = ReturnType<typeof useFigureWords>;
