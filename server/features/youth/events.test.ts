import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { linkTokenSentTo, setUpYouthProgram, type YouthProgram } from './testing.ts';

// Events of a youth program as its people use them: the coordinator plans one, the facilitator
// who runs it records who came, a minor whose guardian has not consented cannot be recorded,
// and a young person who may take part finds the upcoming events on their own page.

let test: TestApp;
let youth: YouthProgram;
/** Rio, 14, whose guardian consents; Sky, 16, whose guardian has not answered; Dee, 19. */
const young = { rio: '', sky: '', dee: '' };
let rioCookie: string;
let skyCookie: string;

async function addYoung(displayName: string, ageBand: string, guardianEmail?: string) {
  const added = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/young-people`,
    {
      displayName,
      ageBand,
      ...(guardianEmail
        ? { guardian: { name: 'A guardian', email: guardianEmail, language: 'en' } }
        : {}),
    },
  );
  const joined = await send(test, undefined, 'POST', '/api/youth/join', {
    token: added.json().youthLink.split('#')[1],
  });
  return {
    id: added.json().youngPerson.id as string,
    cookie: String(joined.headers['set-cookie']).split(';')[0] ?? '',
  };
}

const eventsPath = () => `/api/programs/${youth.programId}/youth-events`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
  const rio = await addYoung('Rio', '14-15', 'rio-guardian@example.org');
  await send(test, undefined, 'POST', '/api/consent', {
    token: await linkTokenSentTo(test, 'rio-guardian@example.org', 'youth-consent-request'),
    answer: 'give',
  });
  const sky = await addYoung('Sky', '16-17', 'sky-guardian@example.org');
  const dee = await addYoung('Dee', '18-20');
  young.rio = rio.id;
  young.sky = sky.id;
  young.dee = dee.id;
  rioCookie = rio.cookie;
  skyCookie = sky.cookie;
});
afterAll(async () => {
  await test.close();
});

describe('youth program events', () => {
  it('lets the coordinator plan an event, and the facilitator read it but not plan one', async () => {
    const planned = await send(test, youth.coordinator, 'POST', eventsPath(), {
      title: '  Basketball at the rec centre ',
      startsAt: inDays(3),
      place: 'Riverside rec centre',
    });
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({
      title: 'Basketball at the rec centre',
      place: 'Riverside rec centre',
      presentCount: 0,
    });
    const byFacilitator = await send(test, youth.lead, 'POST', eventsPath(), {
      title: 'Movie night',
      startsAt: inDays(4),
      place: 'Library hall',
    });
    expect(byFacilitator.statusCode).toBe(403);
    const listed = await send(test, youth.lead, 'GET', eventsPath());
    expect(listed.json().events.map((event: { title: string }) => event.title)).toEqual([
      'Basketball at the rec centre',
    ]);
    const audited = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'youth.event_planned'),
          eq(auditEvents.targetId, planned.json().id),
        ),
      );
    expect(audited).toHaveLength(1);
  });

  it('says by field what is wrong with an event and plans nothing', async () => {
    const bad = await send(test, youth.coordinator, 'POST', eventsPath(), {
      title: 'B',
      startsAt: 'next Tuesday',
      place: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', message: expect.stringContaining('title') }),
        expect.objectContaining({
          field: 'startsAt',
          message: 'Give the day and time the event starts.',
        }),
        expect.objectContaining({ field: 'place', message: expect.stringContaining('where') }),
      ]),
    );
    const long = await send(test, youth.coordinator, 'POST', eventsPath(), {
      title: 'x'.repeat(121),
      startsAt: inDays(1),
      place: 'Library',
    });
    expect(long.json().errors).toEqual([
      expect.objectContaining({ field: 'title', message: 'Keep the title under 120 characters.' }),
    ]);
    const listed = await send(test, youth.coordinator, 'GET', eventsPath());
    expect(listed.json().events).toHaveLength(1);
  });

  it('lets the facilitator record who came, and shows each young person as came, not, or not recorded', async () => {
    const [event] = (await send(test, youth.lead, 'GET', eventsPath())).json().events;
    const before = await send(test, youth.lead, 'GET', `/api/youth-events/${event.id}`);
    expect(before.json().attendance).toEqual([
      expect.objectContaining({
        displayName: 'Dee',
        mayTakePart: true,
        attendance: 'not_recorded',
      }),
      expect.objectContaining({
        displayName: 'Rio',
        mayTakePart: true,
        attendance: 'not_recorded',
      }),
      expect.objectContaining({
        displayName: 'Sky',
        mayTakePart: false,
        notYetBecause: 'requested',
        attendance: 'not_recorded',
      }),
    ]);
    const recorded = await send(
      test,
      youth.lead,
      'PUT',
      `/api/youth-events/${event.id}/attendance`,
      {
        attendance: [
          { youngPersonId: young.rio, present: true },
          { youngPersonId: young.dee, present: false },
        ],
      },
    );
    expect(recorded.statusCode).toBe(200);
    expect(
      recorded
        .json()
        .attendance.map((row: { displayName: string; attendance: string }) => [
          row.displayName,
          row.attendance,
        ]),
    ).toEqual([
      ['Dee', 'absent'],
      ['Rio', 'present'],
      ['Sky', 'not_recorded'],
    ]);
    expect(recorded.json().event.presentCount).toBe(1);
    // A correction replaces what was recorded.
    const corrected = await send(
      test,
      youth.lead,
      'PUT',
      `/api/youth-events/${event.id}/attendance`,
      {
        attendance: [{ youngPersonId: young.dee, present: true }],
      },
    );
    expect(corrected.json().event.presentCount).toBe(2);
    const audited = await test.context.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'youth.attendance_recorded'),
          eq(auditEvents.targetId, event.id),
        ),
      );
    expect(audited.map((row) => row.details)).toEqual([
      expect.objectContaining({ present: 1, absent: 1 }),
      expect.objectContaining({ present: 1, absent: 0 }),
    ]);
  });

  it('refuses, in words and audited, to record a minor whose guardian has not consented', async () => {
    const [event] = (await send(test, youth.lead, 'GET', eventsPath())).json().events;
    const refused = await send(
      test,
      youth.lead,
      'PUT',
      `/api/youth-events/${event.id}/attendance`,
      {
        attendance: [
          { youngPersonId: young.rio, present: false },
          { youngPersonId: young.sky, present: true },
        ],
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      {
        field: 'attendance.1.youngPersonId',
        message: "Sky's guardian has not consented: Sky cannot take part until they do.",
        code: 'needs_consent',
      },
    ]);
    // Nothing of the list was saved: Rio is still recorded present.
    const after = await send(test, youth.lead, 'GET', `/api/youth-events/${event.id}`);
    expect(
      after.json().attendance.find((row: { displayName: string }) => row.displayName === 'Rio'),
    ).toMatchObject({ attendance: 'present' });
    const audited = await test.context.database.db
      .select({ details: auditEvents.details, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'youth.activity_refused'), eq(auditEvents.targetId, young.sky)),
      );
    expect(audited).toEqual([
      {
        outcome: 'denied',
        details: expect.objectContaining({
          activity: 'youth_event_attendance',
          eventId: event.id,
          reason: 'consent_not_current',
        }),
      },
    ]);
  });

  it('refuses someone of another program, and bad attendance, by field', async () => {
    const [event] = (await send(test, youth.lead, 'GET', eventsPath())).json().events;
    const other = await setUpYouthProgram(test);
    const elsewhere = await send(
      test,
      other.coordinator,
      'POST',
      `/api/programs/${other.programId}/young-people`,
      { displayName: 'Lee', ageBand: '18-20' },
    );
    const stranger = await send(
      test,
      youth.lead,
      'PUT',
      `/api/youth-events/${event.id}/attendance`,
      {
        attendance: [{ youngPersonId: elsewhere.json().youngPerson.id, present: true }],
      },
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([
      expect.objectContaining({
        field: 'attendance.0.youngPersonId',
        message: 'Choose a young person of this program.',
      }),
    ]);
    // The other program's coordinator cannot read or record this program's event.
    expect(
      (await send(test, other.coordinator, 'GET', `/api/youth-events/${event.id}`)).statusCode,
    ).toBe(403);
    const malformed = await send(
      test,
      youth.lead,
      'PUT',
      `/api/youth-events/${event.id}/attendance`,
      {
        attendance: [{ youngPersonId: 'rio', present: 'yes' }],
      },
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'attendance.0.youngPersonId' }),
        expect.objectContaining({
          field: 'attendance.0.present',
          message: 'Say whether they came.',
        }),
      ]),
    );
    const empty = await send(test, youth.lead, 'PUT', `/api/youth-events/${event.id}/attendance`, {
      attendance: [],
    });
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ field: 'attendance', message: 'List who came.' }),
    ]);
  });

  it("shows a young person who may take part the program's upcoming events, and no past ones", async () => {
    await send(test, youth.coordinator, 'POST', eventsPath(), {
      title: 'Last month’s picnic',
      startsAt: inDays(-30),
      place: 'Riverside park',
    });
    const rio = await send(test, rioCookie, 'GET', '/api/me/youth-events');
    expect(rio.statusCode).toBe(200);
    expect(rio.json().events).toEqual([
      expect.objectContaining({
        programId: youth.programId,
        title: 'Basketball at the rec centre',
        place: 'Riverside rec centre',
      }),
    ]);
    // Sky waits for a guardian's answer: no events until then.
    expect((await send(test, skyCookie, 'GET', '/api/me/youth-events')).json().events).toEqual([]);
  });
});
