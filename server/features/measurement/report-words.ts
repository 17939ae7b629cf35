import type { RoleGroup, SupportedLanguage } from '../../../shared/measurement/contract.ts';
import type { Construct, SurveyKind } from '../../../shared/measurement/item-bank.ts';

// The words of the quarter's printed report, in English and in Spanish (neutral Latin American,
// "usted", no gendered adjectives about the reader), kept as the dashboard's pages say them.

export type Magnitude = 'negligible' | 'small' | 'medium' | 'large';

export interface ReportWords {
  title: string;
  /** The quarter on the title page. */
  quarterTitle(quarter: string): string;
  /** The quarter in a sentence or a table, as the dashboard's pages write it. */
  quarter(quarter: string): string;
  generated(day: string): string;
  kinds: Record<SurveyKind, string>;
  constructs: Record<Construct, string>;
  roleGroups: Record<RoleGroup, string>;
  noResponses: string;
  summary(people: number, quarter: string, mean: string | null): string;
  summaryHidden(threshold: number, quarter: string): string;
  change(from: string, to: string, words: string): string;
  changeWords(magnitude: Magnitude, up: boolean, clear: boolean): string;
  noChange(from: string): string;
  trendHeading: string;
  chartNote: string;
  columns: { quarter: string; group: string; people: string; trust: string; interval: string };
  constructHeading: string;
  favourable: string;
  byRoleGroup: string;
  byNeighbourhood: string;
  beforeAfter(words: string): string;
  responseRate(percent: string, of: number): string;
  agreements(percent: string, of: number): string;
  hiddenShort: string;
  hiddenHeading: string;
  hiddenBelow(what: string, threshold: number): string;
  hiddenProtects(what: string): string;
  nothingHidden: string;
  readingHeading: string;
  reading: string[];
}

const magnitudeEn: Record<Magnitude, string> = {
  negligible: 'hardly any',
  small: 'a small',
  medium: 'a medium',
  large: 'a large',
};
const magnitudeEs: Record<Magnitude, string> = {
  negligible: 'casi nula',
  small: 'pequeña',
  medium: 'mediana',
  large: 'grande',
};

export const reportWords: Record<SupportedLanguage, ReportWords> = {
  en: {
    title: 'Trust and outcome report',
    quarterTitle: (quarter) => `Quarter ${quarter.slice(6)} of ${quarter.slice(0, 4)}`,
    quarter: (quarter) => `Q${quarter.slice(6)} ${quarter.slice(0, 4)}`,
    generated: (day) => `Prepared on ${day}.`,
    kinds: {
      pulse: 'Community pulse',
      after_process: 'After circles and conferences',
      training: 'Before and after training',
    },
    constructs: {
      respect: 'Respect',
      voice: 'Voice',
      neutrality: 'Fair decisions',
      motives: 'Trustworthy motives',
      heard: 'Felt heard',
      safety: 'Safety',
      reporting: 'Willingness to report',
    },
    roleGroups: { resident: 'Residents', officer: 'Officers and police staff', other: 'Others' },
    noResponses: 'No one answered these surveys in the last two years.',
    summary: (people, quarter, mean) =>
      `In ${quarter}, ${people} people answered.` +
      (mean ? ` Their trust index was ${mean} on a scale of 1 to 5.` : ''),
    summaryHidden: (threshold, quarter) =>
      `Fewer than ${threshold} people answered in ${quarter}, so no figures are shown for it.`,
    change: (from, to, words) => `From ${from} to ${to}: ${words}.`,
    changeWords: (magnitude, up, clear) =>
      magnitude === 'negligible'
        ? 'hardly any change in the trust index'
        : `${magnitudeEn[magnitude]} ${up ? 'improvement' : 'decline'} in the trust index` +
          (clear ? '' : ', though the interval also allows no change'),
    noChange: (from) =>
      `No comparison with ${from}: one of the two has too few answers to compare.`,
    trendHeading: 'Trust index, quarter by quarter',
    chartNote:
      'Each dot is a quarter’s trust index; the line through it is its 95% interval. Quarters with too few answers have no dot.',
    columns: {
      quarter: 'Quarter',
      group: 'Group',
      people: 'People',
      trust: 'Trust index',
      interval: '95% interval',
    },
    constructHeading: 'Favourable answers (4 or 5) in the quarter',
    favourable: 'Favourable',
    byRoleGroup: 'By role',
    byNeighbourhood: 'By neighbourhood',
    beforeAfter: (words) => `Before and after the training: ${words}.`,
    responseRate: (percent, of) =>
      `${percent} of the ${of} surveys sent after a meeting were answered.`,
    agreements: (percent, of) => `${percent} of the ${of} agreement items due were done.`,
    hiddenShort: 'hidden',
    hiddenHeading: 'What the small-group rule hid',
    hiddenBelow: (what, threshold) => `${what}: fewer than ${threshold} people.`,
    hiddenProtects: (what) => `${what}: hidden so that a smaller group cannot be worked out.`,
    nothingHidden: 'Nothing was hidden: every group was large enough to show.',
    readingHeading: 'How to read the figures',
    reading: [
      'The trust index is the average of four parts of fair treatment (respect, voice, fair decisions and trustworthy motives) on a scale of 1 to 5.',
      'Each figure comes with a 95% interval: the range the true figure most likely lies in. The fewer people answered, the wider it is. Two quarters whose intervals overlap a lot may not really differ.',
      'A change is called small, medium or large by its effect size (Hedges’ g: about 0.2, 0.5 and 0.8).',
      'Answers are anonymous. No figure is shown for a group of fewer people than the program’s threshold, and some larger groups are hidden too, so that a small group cannot be worked out by subtraction.',
    ],
  },
  es: {
    title: 'Informe de confianza y resultados',
    quarterTitle: (quarter) => `Trimestre ${quarter.slice(6)} de ${quarter.slice(0, 4)}`,
    quarter: (quarter) => `T${quarter.slice(6)} ${quarter.slice(0, 4)}`,
    generated: (day) => `Preparado el ${day}.`,
    kinds: {
      pulse: 'Pulso comunitario',
      after_process: 'Después de círculos y conferencias',
      training: 'Antes y después de una capacitación',
    },
    constructs: {
      respect: 'Respeto',
      voice: 'Tener voz',
      neutrality: 'Decisiones justas',
      motives: 'Motivos confiables',
      heard: 'Sentir que se le escucha',
      safety: 'Sentirse a salvo',
      reporting: 'Disposición a denunciar',
    },
    roleGroups: {
      resident: 'Residentes',
      officer: 'Agentes y personal de policía',
      other: 'Otras personas',
    },
    noResponses: 'Nadie respondió estas encuestas en los últimos dos años.',
    summary: (people, quarter, mean) =>
      `En ${quarter} respondieron ${people} personas.` +
      (mean ? ` Su índice de confianza fue de ${mean} en una escala de 1 a 5.` : ''),
    summaryHidden: (threshold, quarter) =>
      `En ${quarter} respondieron menos de ${threshold} personas, así que no se muestran cifras.`,
    change: (from, to, words) => `De ${from} a ${to}: ${words}.`,
    changeWords: (magnitude, up, clear) =>
      magnitude === 'negligible'
        ? 'casi ningún cambio en el índice de confianza'
        : `${up ? 'una mejora' : 'una baja'} ${magnitudeEs[magnitude]} del índice de confianza` +
          (clear ? '' : ', aunque el intervalo también admite que no haya cambio'),
    noChange: (from) =>
      `No se compara con ${from}: uno de los dos tiene muy pocas respuestas para comparar.`,
    trendHeading: 'Índice de confianza, trimestre a trimestre',
    chartNote:
      'Cada punto es el índice de confianza de un trimestre; la línea que lo cruza es su intervalo del 95 %. Los trimestres con muy pocas respuestas no tienen punto.',
    columns: {
      quarter: 'Trimestre',
      group: 'Grupo',
      people: 'Personas',
      trust: 'Índice de confianza',
      interval: 'Intervalo del 95 %',
    },
    constructHeading: 'Respuestas favorables (4 o 5) en el trimestre',
    favourable: 'Favorables',
    byRoleGroup: 'Por papel',
    byNeighbourhood: 'Por barrio',
    beforeAfter: (words) => `Antes y después de la capacitación: ${words}.`,
    responseRate: (percent, of) =>
      `Se respondió el ${percent} de las ${of} encuestas enviadas después de una reunión.`,
    agreements: (percent, of) =>
      `Se cumplió el ${percent} de los ${of} puntos de acuerdo que vencían.`,
    hiddenShort: 'oculto',
    hiddenHeading: 'Lo que ocultó la regla de los grupos pequeños',
    hiddenBelow: (what, threshold) => `${what}: menos de ${threshold} personas.`,
    hiddenProtects: (what) => `${what}: oculto para que no se pueda deducir un grupo más pequeño.`,
    nothingHidden: 'No se ocultó nada: todos los grupos eran lo bastante grandes para mostrarse.',
    readingHeading: 'Cómo leer las cifras',
    reading: [
      'El índice de confianza es el promedio de cuatro aspectos del trato justo (respeto, tener voz, decisiones justas y motivos confiables) en una escala de 1 a 5.',
      'Cada cifra viene con un intervalo del 95 %: el rango en el que lo más probable es que esté la cifra real. Cuantas menos personas respondieron, más amplio es. Dos trimestres cuyos intervalos se superponen mucho quizá no difieran en realidad.',
      'Un cambio se llama pequeño, mediano o grande según su tamaño del efecto (g de Hedges: alrededor de 0,2, 0,5 y 0,8).',
      'Las respuestas son anónimas. No se muestra ninguna cifra de un grupo con menos personas que el umbral del programa, y también se ocultan algunos grupos mayores, para que no se pueda deducir un grupo pequeño restando.',
    ],
  },
};
