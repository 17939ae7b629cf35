import { getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../../shared/commitments/days.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { addCommitment, addEvent, addProgram, buildRegisterWorld } from './fixtures.ts';

// The register for machines and spreadsheets: an Atom feed a reader can subscribe to, and a CSV
// file that opens with its accents and runs no formula.

let test: TestApp;
let world: Awaited<ReturnType<typeof buildRegisterWorld>>;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildRegisterWorld(test, dayIn(test.context.config.TIME_ZONE), addDays);
});

afterAll(async () => {
  await test?.close();
});

async function get(url: string) {
  const response = await test.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

/**
 * Well-formed XML, strictly: every tag closed in order, attributes quoted, only the five
 * predefined entities or numeric ones, no bare < or &. (htmlparser2 below forgives all of these.)
 */
function expectWellFormedXml(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const open: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match = token.exec(body);
  let consumed = 0;
  while (match) {
    consumed = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toMatch(/[&<]/);
    } else if (closing) {
      expect(open.pop()).toBe(name);
    } else if (!selfClosing && name) {
      open.push(name);
    }
    match = token.exec(body);
  }
  expect(consumed).toBe(body.length);
  expect(open).toEqual([]);
}

function entriesOf(xml: string) {
  const document = parseDocument(xml, { xmlMode: true });
  return getElementsByTagName('entry', document).map((entry) => {
    const child = (name: string) => getElementsByTagName(name, entry)[0];
    return {
      id: textContent(child('id') ?? []),
      title: textContent(child('title') ?? []),
      updated: textContent(child('updated') ?? []),
      content: textContent(child('content') ?? []),
      link: child('link')?.attribs.href ?? '',
    };
  });
}

describe('the Atom feed', () => {
  it('is well-formed Atom with one entry per public event, newest first', async () => {
    const feed = await get(`/register/programs/${world.circles}/feed.atom`);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expectWellFormedXml(feed.body);
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');

    const entries = entriesOf(feed.body);
    // 4 public commitments made, a due day moved, and 4 steps of the verified one.
    expect(entries).toHaveLength(9);
    const times = entries.map((entry) => entry.updated);
    expect([...times].sort().reverse()).toEqual(times);
    expect(entries[0]?.title).toBe('New commitment: Review the use-of-force policy with residents');
    const verified = entries.find((entry) => entry.title.startsWith('Completion verified'));
    expect(verified?.title).toBe('Completion verified: Hold a monthly listening session');
    expect(verified?.content).toContain('We read the minutes.');
    expect(verified?.link).toBe(
      `${test.context.config.publicUrl}/register/commitments/${world.commitments.done}?lang=en`,
    );
    const titles = entries.map((entry) => entry.title);
    expect(titles).toContain('Status: Done: Hold a monthly listening session');
    expect(titles).toContain('New commitment: Review the use-of-force policy with residents');
    const evidence = entries.find((entry) => entry.title.startsWith('Evidence added'));
    expect(evidence?.content).toContain('https://minutes.example.org/2026/first?x=1');
    for (const entry of entries) {
      expect(entry.id).toMatch(/^tag:localhost,2026:commitment-event:\d+$/);
    }
  });

  it('keeps each entry id whatever the language, and says the rest in Spanish', async () => {
    const english = entriesOf((await get(`/register/programs/${world.circles}/feed.atom`)).body);
    const spanish = await get(`/register/programs/${world.circles}/feed.atom?lang=es`);
    expect(spanish.body).toContain('xml:lang="es"');
    const entries = entriesOf(spanish.body);
    expect(entries.map((entry) => entry.id)).toEqual(english.map((entry) => entry.id));
    expect(entries.map((entry) => entry.title)).toContain(
      'Cumplimiento verificado: Hold a monthly listening session',
    );
    expect(entries[0]?.title).toBe(
      'Nuevo compromiso: Review the use-of-force policy with residents',
    );
  });

  it('escapes what people wrote, and holds at most 50 entries', async () => {
    const program = await addProgram(test, 'Busy <program> & "friends"', world.partner);
    const id = await addCommitment(test, {
      programId: program,
      ownerOrganisationId: world.partner,
      createdBy: world.recorder,
      title: 'Fix <b>the</b> park & the "bench"',
      dueOn: '2030-01-01',
    });
    for (let step = 0; step < 55; step += 1) {
      await addEvent(test, id, world.recorder, 'progress_reported', { percent: step });
    }
    await addEvent(test, id, world.recorder, 'evidence_added', {
      text: 'Bell \u0007 rang </content> & more',
      links: [],
    });
    const feed = await get(`/register/programs/${program}/feed.atom`);
    expectWellFormedXml(feed.body);
    const entries = entriesOf(feed.body);
    expect(entries).toHaveLength(50);
    expect(entries[0]?.title).toBe('Evidence added: Fix <b>the</b> park & the "bench"');
    expect(feed.body).toContain(
      '<title type="text">Evidence added: Fix &lt;b&gt;the&lt;/b&gt; park &amp; the &quot;bench&quot;</title>',
    );
    expect(feed.body).toContain('Bell  rang &lt;/content&gt; &amp; more');
    expect(feed.body).toContain('Busy &lt;program&gt; &amp; &quot;friends&quot;');
  });
});

describe('the CSV export', () => {
  function rowsOf(csv: string): string[][] {
    // RFC 4180: quoted fields, "" for a quote, CRLF between records.
    const rows: string[][] = [];
    let row: string[] = [];
    const field = /"((?:[^"]|"")*)"(,|\r\n)/gy;
    let match = field.exec(csv);
    let consumed = 0;
    while (match) {
      consumed = field.lastIndex;
      row.push((match[1] ?? '').replaceAll('""', '"'));
      if (match[2] === '\r\n') {
        rows.push(row);
        row = [];
      }
      match = field.exec(csv);
    }
    expect(consumed).toBe(csv.length);
    return rows;
  }

  it('downloads the public commitments with a byte order mark and a header row', async () => {
    const response = await get(`/register/organisations/${world.agency}/commitments.csv`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="commitments-organisation-${world.agency}.csv"`,
    );
    expect(response.body.startsWith('\uFEFF"id","title","description","program",')).toBe(true);
    const [header, ...rows] = rowsOf(response.body.slice(1));
    expect(header).toEqual([
      'id',
      'title',
      'description',
      'program',
      'owner organisation',
      'owner unit',
      'source',
      'source label',
      'due on',
      'status',
      'percent',
      'overdue',
      'verified at',
      'updated at',
    ]);
    expect(rows).toHaveLength(4);
    const overdue = rows.find((row) => row[0] === world.commitments.overdue);
    expect(overdue?.slice(1, 12)).toEqual([
      'Publish the stop data every quarter',
      'The data shows every stop by district.',
      'Eastside listening circles',
      'Eastside Police Department',
      'Records Unit',
      'Meeting or other',
      '',
      overdue?.[8],
      'Planned',
      '0',
      'yes',
    ]);
    const conference = rows.find((row) => row[0] === world.commitments.conference);
    expect(conference?.[1]).toBe('Review the use-of-force policy with residents');
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run', async () => {
    const program = await addProgram(test, 'Ñandú, "quoted" program', world.partner);
    const titles = ['=HYPERLINK("http://x.example","click")', '+SUM(1,2)', '-3+4', '@cmd'];
    for (const title of titles) {
      await addCommitment(test, {
        programId: program,
        ownerOrganisationId: world.partner,
        createdBy: world.recorder,
        title,
        description: 'Line one\nline two, with "quotes"',
        dueOn: '2030-01-01',
      });
    }
    const response = await get(`/register/programs/${program}/commitments.csv?lang=es`);
    expect(response.body).toContain('"\'=HYPERLINK(""http://x.example"",""click"")"');
    const [header, ...rows] = rowsOf(response.body.slice(1));
    expect(header?.[1]).toBe('título');
    expect(rows.map((row) => row[1]).sort()).toEqual(titles.map((title) => `'${title}`).sort());
    for (const row of rows) {
      expect(row[2]).toBe('Line one\nline two, with "quotes"');
      expect(row[3]).toBe('Ñandú, "quoted" program');
      expect(row[9]).toBe('Previsto');
    }
  });

  it('exports only what the filters select', async () => {
    const response = await get(
      `/register/organisations/${world.agency}/commitments.csv?status=done`,
    );
    const [, ...rows] = rowsOf(response.body.slice(1));
    expect(rows.map((row) => row[1])).toEqual(['Hold a monthly listening session']);
  });
});
