import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from '../../../shared/dialogues/polis.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertScenario, type Scenario } from './dashboard-scenario.ts';
import { buildDashboardWorld, type DashboardWorld } from './dashboard-testing.ts';

// The dashboard's spreadsheet and the quarter's printed report, on the answers of
// dashboard-scenario.ts: the same figures as the page, hidden ones said in words.

let test: TestApp;
let world: DashboardWorld;
let scenario: Scenario;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildDashboardWorld(test);
  scenario = await insertScenario(test, world);
});
afterAll(async () => {
  await test.close();
});

const inProgram = (path: string) => `/api/programs/${world.programId}/${path}`;

/** The text a PDF shows: its content streams inflated, each shown string decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const [, body = ''] of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(body, 'latin1')).toString('latin1');
    } catch {
      continue; // an image or a font, not a page's content
    }
    for (const [, shown = ''] of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const pieces = [...shown.matchAll(/<([0-9a-fA-F]*)>/g)];
      lines.push(pieces.map(([, hex = '']) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}

describe('the dashboard as a spreadsheet', () => {
  it('has a row per figure, and words where a group is hidden, never a number', async () => {
    const answer = await send(
      test,
      world.coordinator,
      'GET',
      inProgram('measurement.csv?kind=pulse'),
    );
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="measurement-pulse-${scenario.lastEnded}.csv"`,
    );
    const [header, ...rows] = csvRows(answer.body.replace(/^\uFEFF/, ''));
    expect(header).toEqual(['quarter', 'group', 'n', 'figure', 'estimate', 'lower', 'upper']);
    const row = (quarter: string, group: string, figure: string) =>
      rows.find((each) => each[0] === quarter && each[1] === group && each[3] === figure);

    expect(row(scenario.lastEnded, 'all', 'respondents')?.[2]).toBe('26');
    const trust = row(scenario.lastEnded, 'all', 'trust index (mean, 1 to 5)');
    expect(trust?.slice(2, 5)).toEqual(['26', 'trust index (mean, 1 to 5)', (98 / 26).toFixed(4)]);
    expect(row(scenario.lastEnded, 'all', 'respect: favourable share')?.[4]).toBe(
      (23 / 26).toFixed(4),
    );
    expect(row(scenario.lastEnded, 'neighbourhood: Elm Street', 'respondents')?.[2]).toBe('14');

    const hiddenRows = rows.filter((each) => each[2]?.startsWith('hidden'));
    expect(hiddenRows.map((each) => [each[0], each[1], each[2]])).toEqual(
      expect.arrayContaining([
        [scenario.threeBack, 'all', 'hidden (fewer than 10)'],
        [scenario.lastEnded, 'role group: officer', 'hidden (fewer than 10)'],
        [scenario.lastEnded, 'role group: resident', 'hidden (protects a smaller group)'],
        [scenario.lastEnded, 'neighbourhood: Riverside', 'hidden (fewer than 10)'],
        [scenario.lastEnded, 'all', 'hidden (fewer than 10)'],
      ]),
    );
    for (const hidden of hiddenRows) {
      expect(
        hidden.slice(2).filter((cell) => /\d/.test(cell.replace(/fewer than \d+/, ''))),
      ).toEqual([]);
    }
    const change = rows.find((each) => each[3]?.startsWith('trust index change'));
    expect(change?.[3]).toBe(
      `trust index change from ${scenario.quarterBefore} to ${scenario.lastEnded}`,
    );
    expect(Number(change?.[4])).toBeCloseTo(98 / 26 - 57 / 17, 3);
  });

  it('is for those who may export: an oversight reviewer, not a facilitator', async () => {
    const url = inProgram('measurement.csv?kind=pulse');
    expect((await send(test, world.reviewer, 'GET', url)).statusCode).toBe(200);
    expect((await send(test, world.facilitator, 'GET', url)).statusCode).toBe(403);
  });

  it('refuses the quarter under way, as the dashboard does (400)', async () => {
    const url = inProgram(`measurement.csv?kind=pulse&quarter=${scenario.current}`);
    const answer = await send(test, world.coordinator, 'GET', url);
    expect(answer.statusCode).toBe(400);
    expect(answer.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      { field: 'query.quarter', message: 'Figures for a quarter appear once it has ended.' },
    ]);
  });
});

describe('the quarter’s printed report', () => {
  const report = (query: string) =>
    send(test, world.coordinator, 'GET', inProgram(`measurement/report.pdf?${query}`));

  it('is a PDF in Spanish with the summary, the change in words, what was hidden and how to read it', async () => {
    const answer = await report(`quarter=${scenario.lastEnded}&language=es`);
    expect(answer.statusCode, answer.body.slice(0, 200)).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(answer.rawPayload);
    for (const words of [
      'Informe de confianza y resultados',
      'Listening circles on the east side',
      `Trimestre ${scenario.lastEnded.slice(6)} de ${scenario.lastEnded.slice(0, 4)}`,
      'Pulso comunitario',
      `En T${scenario.lastEnded.slice(6)} ${scenario.lastEnded.slice(0, 4)} respondieron 26 personas.`,
      'una mejora mediana del índice de confianza',
      'Después de círculos y conferencias',
      'Antes y después de una capacitación',
      'Riverside: menos de 10 personas.',
      'Lo que ocultó la regla de los grupos pequeños',
      'Cómo leer las cifras',
      'Se cumplió el 75 % de los 12 puntos de acuerdo que vencían.',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Trust and outcome report');
  });

  it('is in English when asked, the same figures in English words', async () => {
    const answer = await report(`quarter=${scenario.lastEnded}&language=en`);
    expect(answer.statusCode).toBe(200);
    const text = pdfText(answer.rawPayload);
    expect(text).toContain('Trust and outcome report');
    expect(text).toContain('a medium improvement in the trust index');
    expect(text).toContain('How to read the figures');
    expect(text).toContain('75% of the 40 surveys sent after a meeting were answered.');
  });

  it('refuses a quarter not given or not ended, and a language it has no words for (400)', async () => {
    for (const [query, field] of [
      ['language=es', 'query.quarter'],
      [`quarter=${scenario.lastEnded}&language=fr`, 'query.language'],
      ['quarter=9999-Q1', 'query.quarter'],
      [`quarter=${scenario.current}`, 'query.quarter'],
    ]) {
      const answer = await report(query ?? '');
      expect(answer.statusCode).toBe(400);
      expect(answer.json<{ errors: { field: string }[] }>().errors).toContainEqual(
        expect.objectContaining({ field }),
      );
    }
    expect(
      (
        await send(
          test,
          world.facilitator,
          'GET',
          inProgram(`measurement/report.pdf?quarter=${scenario.lastEnded}`),
        )
      ).statusCode,
    ).toBe(403);
  });
});
