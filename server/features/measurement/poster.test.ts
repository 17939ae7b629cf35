import { inflateSync } from 'node:zlib';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDetail } from '../../../shared/measurement/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { buildMeasurementWorld, type MeasurementWorld, setUpSurvey } from './testing-world.ts';

// A public link's poster: the QR code as a PNG that decodes to the same modules uqr gives for
// the link, and a printable PDF with the title; a pulse has one, a training survey one for
// before and one for after; only for whoever manages the program's surveys.

let test: TestApp;
let world: MeasurementWorld;
let pulse: SurveyDetail;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildMeasurementWorld(test);
  pulse = await setUpSurvey(test, world, {
    title: { en: 'Elm Street safety pulse', es: 'Pulso de seguridad de Elm Street' },
  });
});
afterAll(async () => {
  await test.close();
});

interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** Grey levels, row by row. */
  pixels: Buffer;
}

/** Reads an 8-bit greyscale PNG with no filtering, as the poster's is written. */
function decodePng(png: Buffer): DecodedPng {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const raw = inflateSync(Buffer.concat(data));
  const rows: Buffer[] = [];
  for (let y = 0; y < header.readUInt32BE(4); y += 1) {
    const row = raw.subarray(y * (width + 1), (y + 1) * (width + 1));
    expect(row[0]).toBe(0);
    rows.push(row.subarray(1));
  }
  return {
    width,
    height: header.readUInt32BE(4),
    bitDepth: header.readUInt8(8),
    colourType: header.readUInt8(9),
    pixels: Buffer.concat(rows),
  };
}

/** The text a PDF's pages draw: each content stream inflated, its hex strings read. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      const hex = [...(array[1] ?? '').matchAll(/<([0-9a-f]+)>/gi)].map((part) => part[1]).join('');
      texts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return texts.join(' ').replace(/\s+/g, ' ');
}

describe('a pulse’s poster', () => {
  it('is a PNG of the public link’s QR code, ten pixels a module, with a quiet zone', async () => {
    const answer = await send(
      test,
      world.coordinator,
      'GET',
      `/api/surveys/${pulse.id}/poster.png`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    const png = decodePng(answer.rawPayload);
    const modules = encode(pulse.publicUrl ?? '', { ecc: 'M', border: 0 }).data;
    const quiet = 4;
    const side = (modules.length + 2 * quiet) * 10;
    expect(png).toMatchObject({ width: side, height: side, bitDepth: 8, colourType: 0 });
    const dark = (row: number, column: number) =>
      png.pixels[(row * 10 + 5) * png.width + column * 10 + 5] === 0;
    const read = modules.map((line, row) =>
      line.map((_, column) => dark(row + quiet, column + quiet)),
    );
    expect(read).toEqual(modules);
    for (let module = 0; module < modules.length + 2 * quiet; module += 1) {
      expect(dark(0, module) || dark(module, 0) || dark(quiet - 1, module)).toBe(false);
    }
  });

  it('prints as a Letter page with the title, the invitation in each language and the link', async () => {
    const answer = await send(
      test,
      world.coordinator,
      'GET',
      `/api/surveys/${pulse.id}/poster.pdf`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const pdf = answer.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
    // One page: the poster fits on the sheet it is printed on.
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toContain('Elm Street safety pulse');
    expect(text).toContain('Pulso de seguridad de Elm Street');
    expect(text).toMatch(/answers are anonymous/);
    expect(text).toMatch(/respuestas son an.nimas/);
    expect(text).toContain(pulse.publicUrl ?? 'a link');
  });

  it('prints a training survey’s before and after posters, each saying which side it is', async () => {
    const training = await setUpSurvey(test, world, {
      kind: 'training',
      title: { en: 'De-escalation training', es: 'Capacitación en desescalada' },
      items: ['respect.stays_polite'],
      customQuestions: [],
      neighbourhoods: [],
    });
    const poster = (phase: string) =>
      send(test, world.coordinator, 'GET', `/api/surveys/${training.id}/poster.pdf?phase=${phase}`);
    const before = await poster('before');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.headers['content-disposition']).toContain(`survey-${training.id}-before.pdf`);
    const beforeText = pdfText(before.rawPayload);
    expect(beforeText).toContain('Before the training');
    expect(beforeText).toMatch(/Antes de la capacitaci.n/);
    expect(beforeText).toContain(training.phaseUrls?.before ?? 'the before link');
    const afterText = pdfText((await poster('after')).rawPayload);
    expect(afterText).toContain('After the training');
    expect(afterText).toContain(training.phaseUrls?.after ?? 'the after link');
    expect(afterText).not.toContain(training.phaseUrls?.before ?? 'the before link');

    const png = await send(
      test,
      world.coordinator,
      'GET',
      `/api/surveys/${training.id}/poster.png?phase=after`,
    );
    const modules = encode(training.phaseUrls?.after ?? '', { ecc: 'M', border: 0 }).data;
    expect(decodePng(png.rawPayload).width).toBe((modules.length + 8) * 10);

    const sideless = await send(
      test,
      world.coordinator,
      'GET',
      `/api/surveys/${training.id}/poster.pdf`,
    );
    expect(sideless.statusCode).toBe(400);
    expect(sideless.json().errors).toEqual([
      expect.objectContaining({ field: 'phase', code: 'phase_required' }),
    ]);
    const pulseWithSide = await send(
      test,
      world.coordinator,
      'GET',
      `/api/surveys/${pulse.id}/poster.png?phase=before`,
    );
    expect(pulseWithSide.statusCode).toBe(400);
    const unknownSide = await poster('during');
    expect(unknownSide.statusCode).toBe(400);
    expect(unknownSide.json().errors[0].message).toMatch(/before or after/);
  });

  it('is refused for a survey with no public link, and to someone who only reads the surveys', async () => {
    const afterProcess = await setUpSurvey(test, world, {
      kind: 'after_process',
      items: ['respect.in_meeting'],
      customQuestions: [],
    });
    const notPulse = await send(
      test,
      world.coordinator,
      'GET',
      `/api/surveys/${afterProcess.id}/poster.pdf`,
    );
    expect(notPulse.statusCode).toBe(409);
    expect(notPulse.json().detail).toMatch(/Only a community pulse or a training survey/);
    const reader = await send(
      test,
      world.facilitator,
      'GET',
      `/api/surveys/${pulse.id}/poster.png`,
    );
    expect(reader.statusCode).toBe(403);
  });
});
