import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../../shared/commitments/days.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { addCommitment, addProgram, buildRegisterWorld, OWNER_NAME, SECRET } from './fixtures.ts';

// The register's pages as a resident reads them: what is listed, filtered and flagged, in which
// language, and what is never shown.

let test: TestApp;
let world: Awaited<ReturnType<typeof buildRegisterWorld>>;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildRegisterWorld(test, dayIn(test.context.config.TIME_ZONE), addDays);
});

afterAll(async () => {
  await test?.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await test.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

/** The card of the commitment with this title, as its HTML. */
function cardOf(body: string, title: string): string {
  const card = body.split('<li class="card">').find((part) => part.includes(title));
  if (!card) throw new Error(`no card for ${title}`);
  return card.split('</li>')[0] ?? '';
}

const orgPage = () => `/register/organisations/${world.agency}`;

describe('the register of an organisation', () => {
  it('lists the public commitments of the programs it runs, with counts and an overdue flag', async () => {
    const page = await get(orgPage());
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('<h1>Commitments of Eastside Police Department</h1>');
    expect(page.body).toContain('4 commitments');
    expect(page.body).toMatch(/Overdue: <strong>1<\/strong>.*In progress: <strong>1<\/strong>/s);

    const overdue = cardOf(page.body, 'Publish the stop data every quarter');
    expect(overdue).toContain('<strong class="flag">Overdue</strong>');
    expect(overdue).toContain('Eastside Police Department · Records Unit');
    expect(overdue).toContain('Meeting or other');
    expect(overdue).toContain(`href="/register/commitments/${world.commitments.overdue}?lang=en"`);

    const done = cardOf(page.body, 'Hold a monthly listening session');
    expect(done).toContain('Done');
    expect(done).toContain('Verified');
    expect(done).toContain('Circle · Community circle, 12 November');
    expect(done).not.toContain('Overdue');

    const soon = cardOf(page.body, 'Train officers in de-escalation');
    expect(soon).toContain('40%');
    expect(soon).toContain('Eastside listening circles');

    // The program the agency does not run is not on its register.
    expect(page.body).not.toContain('Fix the street lights on Alder Avenue');
  });

  it("includes a partner's programs on the partner's register", async () => {
    const page = await get(`/register/organisations/${world.partner}`);
    expect(page.body).toContain('Fix the street lights on Alder Avenue');
    expect(page.body).toContain('Hold a monthly listening session');
    expect(page.body).toContain('5 commitments');
  });

  it('offers the feed, the export and the email form, with the language in every link', async () => {
    const page = await get(orgPage());
    const feed = `/register/organisations/${world.agency}/feed.atom?lang=en`;
    expect(page.body).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Commitments of Eastside Police Department: what happened" href="${feed}">`,
    );
    expect(page.body).toContain(`href="${feed}" type="application/atom+xml">News feed (Atom)</a>`);
    expect(page.body).toContain(
      `href="/register/organisations/${world.agency}/commitments.csv?lang=en"`,
    );
    expect(page.body).toContain(
      `<form method="post" action="/register/organisations/${world.agency}/subscriptions">`,
    );
    expect(page.body).toContain('<label for="email">Your email address</label>');
    // Every link but the language switch keeps English.
    const links = [...page.body.matchAll(/href="(\/register[^"]*)"(?! lang="es")/g)].map(
      (match) => match[1],
    );
    expect(links.length).toBeGreaterThan(5);
    for (const link of links)
      expect(link).toMatch(/lang=en$|^\/register\/register-[0-9a-f]+\.css$/);
  });

  it('is plain, accessible HTML: a skip link, landmarks, labels, no script and no inline style', async () => {
    const page = await get(orgPage());
    expect(page.body).toContain('<a class="skip" href="#main">Skip to the content</a>');
    expect(page.body).toContain('<main id="main" tabindex="-1">');
    expect(page.body).toContain('<nav aria-label="Language">');
    expect(page.body).toContain('<details class="filters">'); // folded until wanted
    for (const name of ['status', 'source', 'owner', 'due']) {
      expect(page.body).toContain(`<label for="filter-${name}">`);
      expect(page.body).toContain(`<select id="filter-${name}" name="${name}">`);
    }
    expect(page.body).not.toMatch(/<script|style="/);
    // Its forms are posted with their origin, so the cross-site check lets them through.
    expect(page.headers['referrer-policy']).toBe('same-origin');
    const stylesheet = page.body.match(/<link rel="stylesheet" href="([^"]+)">/)?.[1] ?? '';
    const css = await get(stylesheet);
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain(':focus-visible');
  });

  it('opens on every organisation that has published a commitment, each with how many', async () => {
    const front = await get('/register');
    expect(front.status).toBe(200);
    expect(front.body).toContain('<h1>Who has promised what</h1>');
    expect(front.body).toMatch(
      /Commitments of Eastside Neighbours United<\/a> <span class="registers__count">5 commitments/,
    );
    expect(front.body).toMatch(
      /Commitments of Eastside Police Department<\/a> <span class="registers__count">4 commitments/,
    );
    expect(front.body).toContain(`href="/register/organisations/${world.agency}?lang=en"`);
    expect((await get('/register?lang=es')).body).toContain('<h1>Quién prometió qué</h1>');
  });

  it('stays out of the API document', async () => {
    const document = await get('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body).toContain('/api/');
    expect(document.body).not.toContain('/register');
  });
});

describe('filters', () => {
  const titles = async (query: string, organisation = world.agency) => {
    const page = await get(`/register/organisations/${organisation}?${query}`);
    expect(page.status).toBe(200);
    return [...page.body.matchAll(/<h3 id="c-[^"]+"><a [^>]+>([^<]+)<\/a><\/h3>/g)].map(
      (match) => match[1],
    );
  };

  it('narrows the list by status, source, owner and due day; empty choices mean any', async () => {
    expect(await titles('status=done')).toEqual(['Hold a monthly listening session']);
    expect(await titles('source=conference')).toEqual([
      'Review the use-of-force policy with residents',
    ]);
    expect(await titles(`owner=${world.partner}`, world.partner)).toEqual([
      'Fix the street lights on Alder Avenue',
    ]);
    expect(await titles('due=overdue')).toEqual(['Publish the stop data every quarter']);
    expect(await titles('due=next_30_days')).toEqual(['Train officers in de-escalation']);
    expect(await titles('due=later')).toEqual([
      'Review the use-of-force policy with residents',
      'Hold a monthly listening session',
    ]);
    expect(await titles('status=&source=&owner=&due=')).toHaveLength(4);
  });

  it('keeps the chosen filter selected, counts what it selects, and offers to clear it', async () => {
    const page = await get(`${orgPage()}?status=done`);
    expect(page.body).toContain('<details class="filters" open>');
    expect(page.body).toContain('<option value="done" selected>Done</option>');
    expect(page.body).toContain('1 commitment');
    expect(page.body).toContain(`<a href="${orgPage()}?lang=en">Clear the filters</a>`);
    expect(page.body).toContain(`commitments.csv?status=done&amp;lang=en`);
  });

  it('shows 100 commitments a page, with a link to the next', async () => {
    const program = await addProgram(test, 'A long register', world.partner);
    for (let index = 0; index < 101; index += 1) {
      await addCommitment(test, {
        programId: program,
        ownerOrganisationId: world.partner,
        createdBy: world.recorder,
        title: `Numbered promise ${String(index).padStart(3, '0')}`,
        dueOn: addDays('2030-01-01', index),
      });
    }
    const first = await get(`/register/programs/${program}`);
    expect(first.body.match(/<li class="card">/g)).toHaveLength(100);
    expect(first.body).toContain('101 commitments');
    expect(first.body).toContain(
      `<a rel="next" href="/register/programs/${program}?page=2&amp;lang=en">Next page</a>`,
    );
    const second = await get(`/register/programs/${program}?page=2`);
    expect(second.body.match(/<li class="card">/g)).toHaveLength(1);
    expect(second.body).toContain('Numbered promise 100');
    expect(second.body).toContain('rel="prev"');
    expect(second.body).not.toContain('rel="next"');
  });
});

describe('one commitment', () => {
  it('tells its story: status, owner, source, due day and timeline with reasons and evidence', async () => {
    const page = await get(`/register/commitments/${world.commitments.done}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Hold a monthly listening session</h1>');
    expect(page.body).toContain('Verified');
    const timeline = page.body.slice(page.body.indexOf('What has happened'));
    const steps = [
      'Commitment made, due',
      'Status: In progress',
      'Evidence added',
      'Minutes of the first session are posted.',
      'Status: Done',
      'Completion verified',
      'We read the minutes.',
    ];
    const positions = steps.map((step) => timeline.indexOf(step));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page.body).toContain(
      '<a href="https://minutes.example.org/2026/first?x=1" rel="nofollow noopener noreferrer">minutes.example.org</a>',
    );
    expect(page.body).not.toContain('javascript:');
  });

  it('shows a due day moved with its reason, and the overdue flag', async () => {
    const page = await get(`/register/commitments/${world.commitments.overdue}`);
    expect(page.body).toContain('Due day moved to');
    expect(page.body).toContain('Waiting for the new records system');
    expect(page.body).toContain('<strong class="flag">Overdue</strong>');
  });

  it("shows a conference's commitment only in its de-identified words", async () => {
    const page = await get(`/register/commitments/${world.commitments.conference}`);
    expect(page.body).toContain('<h1>Review the use-of-force policy with residents</h1>');
    expect(page.body).toContain('A review with residents, agreed by everyone who took part.');
    expect(page.body).toContain('Conference');
  });
});

describe('what is never public', () => {
  const everyPublicAddress = () => [
    '/register',
    orgPage(),
    `/register/organisations/${world.partner}`,
    `/register/programs/${world.circles}`,
    `/register/programs/${world.circles}?due=overdue`,
    `/register/programs/${world.circles}?lang=es`,
    `/register/organisations/${world.agency}/feed.atom`,
    `/register/programs/${world.circles}/feed.atom`,
    `/register/organisations/${world.agency}/commitments.csv`,
    `/register/programs/${world.circles}/commitments.csv`,
    ...Object.values(world.commitments).map((id) => `/register/commitments/${id}`),
  ];

  it('a program or case-team commitment, private words, and any person, on any page, feed or export', async () => {
    for (const address of everyPublicAddress()) {
      const { body } = await get(address);
      for (const secret of [...Object.values(SECRET), OWNER_NAME]) {
        expect(body, `${secret} on ${address}`).not.toContain(secret);
      }
    }
  });

  it('answers a non-public commitment exactly as one that does not exist', async () => {
    const unknown = await get('/register/commitments/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('We could not find this page');
    for (const id of [world.commitments.programOnly, world.commitments.caseTeamOnly]) {
      const hidden = await get(`/register/commitments/${id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toBe(unknown.body.replaceAll('00000000-0000-4000-8000-000000000000', id));
    }
  });
});

describe('languages', () => {
  it('speaks Spanish when asked with ?lang=es, and keeps it in every link', async () => {
    const page = await get(`${orgPage()}?lang=es`);
    expect(page.body).toContain('<html lang="es"');
    expect(page.body).toContain('<h1>Compromisos de Eastside Police Department</h1>');
    expect(page.body).toContain('<strong class="flag">Vencido</strong>');
    expect(page.body).toContain('Reunión u otro');
    expect(page.body).toContain(
      `href="/register/commitments/${world.commitments.overdue}?lang=es"`,
    );
    expect(page.body).toContain(
      `<a href="${orgPage()}?lang=en" lang="en" hreflang="en">English</a>`,
    );
  });

  it('speaks Spanish to a browser that prefers it, unless the address asks for English', async () => {
    const spanish = await get(`/register/commitments/${world.commitments.done}`, {
      'accept-language': 'fr-CA, es-MX;q=0.9, en;q=0.5',
    });
    expect(spanish.body).toContain('<html lang="es"');
    expect(spanish.body).toContain('Cumplimiento verificado');
    expect(spanish.body).toMatch(/de \w+ de \d{4}/); // a day written the Spanish way
    expect(spanish.headers.vary).toContain('Accept-Language');
    const english = await get(`/register/commitments/${world.commitments.done}?lang=en`, {
      'accept-language': 'es',
    });
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('Completion verified');
  });
});

describe('bad addresses', () => {
  const noInternals = (body: string) => {
    expect(body).not.toMatch(/\bat .+\.ts:\d+|Error:|stack/);
  };

  it('says plainly that an id is malformed (400) or unknown (404), as a page', async () => {
    const malformed = await get('/register/organisations/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(malformed.body).toContain('The address does not end with a valid id.');
    noInternals(malformed.body);
    const unknown = await get('/register/programs/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('It may have moved, or it may not be public.');
    noInternals(unknown.body);
  });

  it('names each filter it does not understand, in the reader’s language', async () => {
    const page = await get(`${orgPage()}?status=finished&due=someday&page=0`);
    expect(page.status).toBe(400);
    expect(page.body).toContain('“status” has a value we do not know.');
    expect(page.body).toContain('“due” has a value we do not know.');
    expect(page.body).toContain('The page number must be a whole number from 1.');
    noInternals(page.body);
    const spanish = await get(`${orgPage()}?owner=nobody&lang=es`);
    expect(spanish.status).toBe(400);
    expect(spanish.body).toContain('«owner» tiene un valor que no conocemos.');
  });
});
