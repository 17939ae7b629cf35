import type { Page } from 'playwright-core';
import { addDays, dayIn } from '../../shared/commitments/days.ts';
import { acceptStaffInvitation } from './accounts.ts';
import { adminWithProgram, signInAndSetUpSecondFactor } from './api-session.ts';
import { desktop, type OpenedPage, openPage, phone } from './browser.ts';
import { type Harness, setUpServerAndBrowser } from './harness.ts';
import type { ServerEnv } from './server.ts';

// What the browser tests of voice in circles start from: a server and a Chromium whose
// microphone and camera are made up and always allowed, and a circle on the night buses planned
// a week ahead by an admin, kept by Maya, with a link anyone may join by.

/** A server and a browser with a fake microphone and camera that the person has allowed. */
export const setUpVoiceHarness = (prepare?: (env: ServerEnv) => Promise<void>): Harness =>
  setUpServerAndBrowser(prepare, [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ]);

export const nightBusAdmin = {
  organisation: 'Riverside Police Department',
  name: 'Marisol Vega',
  email: 'marisol@riverside.example',
  password: 'quiet river evenings',
} as const;

export const nightBusKeeper = {
  name: 'Maya Ortiz',
  email: 'maya@eastside.example',
  password: 'lanterns by dusk',
} as const;

export const nightBusPurpose = 'Listening circle on the night buses';

interface StaffMember {
  name: string;
  email: string;
  password: string;
  role: 'officer';
}

/**
 * The circle, planned: the admin invites Maya as the program's coordinator (and any staff
 * given), Maya keeps the circle, and the staff given are invited to it. Returns the sessions of
 * the admin and the keeper, the circle and its join link, and the ids of the staff given.
 */
export async function planNightBusCircle(harness: Harness, staff: StaffMember[] = []) {
  const { programId, organisationId, session } = await adminWithProgram(
    harness,
    nightBusAdmin,
    'Night bus circles',
  );
  const invite = (body: Record<string, string>) =>
    session.call(`/api/organisations/${organisationId}/invitations`, 'POST', {
      delivery: 'email',
      ...body,
    });
  await invite({ email: nightBusKeeper.email, role: 'coordinator', programId });
  const { personId: keeperId } = await acceptStaffInvitation(harness.url, nightBusKeeper);
  const staffIds: string[] = [];
  for (const member of staff) {
    await invite({ email: member.email, role: member.role });
    staffIds.push((await acceptStaffInvitation(harness.url, member)).personId);
  }
  const {
    circles: [planned],
  } = await session.call<{ circles: { id: string }[] }>(
    `/api/programs/${programId}/circles`,
    'POST',
    {
      purpose: nightBusPurpose,
      startsAtLocal: `${addDays(dayIn('America/Chicago'), 7)}T18:00`,
      timeZone: 'America/Chicago',
      keeperId,
      capacity: 10,
      language: 'en',
    },
  );
  const circleId = planned?.id ?? '';
  if (staffIds.length > 0) {
    await session.call(`/api/circles/${circleId}/invitations`, 'POST', { personIds: staffIds });
  }
  const { url: joinLink } = await session.call<{ url: string }>(
    `/api/circles/${circleId}/join-link`,
    'POST',
  );
  const keeperSession = (await signInAndSetUpSecondFactor(harness.url, nightBusKeeper)).session;
  return { session, circleId, joinLink, keeperId, keeperSession, staffIds };
}

/** How long packets are counted for: long enough for about a hundred packets of speech. */
const LISTEN_MS = 2_000;

declare global {
  interface Window {
    /** Every peer connection the page made, recorded by the test's init script. */
    __peerConnections?: RTCPeerConnection[];
  }
}

/** Records the page's peer connections, so the test can read their figures as a person cannot. */
function recordPeerConnections(): void {
  const Original = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  window.__peerConnections = made;
  window.RTCPeerConnection = class extends Original {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      made.push(this);
    }
  };
}

/** A browser whose person says no to the microphone, as a browser that blocks it answers. */
function denyMicrophone(): void {
  navigator.mediaDevices.getUserMedia = () =>
    Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
}

/** A page whose peer connections the test can read; its person allows the microphone or not. */
export async function voiceBrowser(
  harness: Harness,
  options: { phone?: boolean; locale?: string; deny?: boolean },
): Promise<OpenedPage> {
  const opened = await openPage(harness.browser, {
    viewport: options.phone ? phone : desktop,
    locale: options.locale ?? 'en-US',
    ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
    permissions: options.deny ? [] : ['microphone', 'camera'],
  });
  const context = opened.page.context();
  await context.addInitScript(recordPeerConnections);
  if (options.deny) await context.addInitScript(denyMicrophone);
  return opened;
}

/** The page's peer connections that have reached 'connected'. */
export function connectedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window.__peerConnections ?? []).filter((pc) => pc.connectionState === 'connected').length,
  );
}

/** Waits until the page has this many connected peer connections. */
export async function waitForConnections(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      (window.__peerConnections ?? []).filter((pc) => pc.connectionState === 'connected').length ===
      wanted,
    count,
  );
}

/** Audio packets this browser has sent ('outbound') or received ('inbound') on open connections. */
function audioPackets(page: Page, way: 'outbound' | 'inbound'): Promise<number> {
  return page.evaluate(async (direction) => {
    let packets = 0;
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach(
        (entry: {
          type: string;
          kind?: string;
          packetsSent?: number;
          packetsReceived?: number;
        }) => {
          if (entry.kind !== 'audio') return;
          if (direction === 'outbound' && entry.type === 'outbound-rtp') {
            packets += entry.packetsSent ?? 0;
          } else if (direction === 'inbound' && entry.type === 'inbound-rtp') {
            packets += entry.packetsReceived ?? 0;
          }
        },
      );
    }
    return packets;
  }, way);
}

/** How many audio packets each browser sent (or received) in LISTEN_MS, by name. */
export async function packetsOver(
  pages: Record<string, Page>,
  way: 'outbound' | 'inbound' = 'outbound',
): Promise<Record<string, number>> {
  const names = Object.keys(pages);
  const count = () => Promise.all(names.map((name) => audioPackets(pages[name] as Page, way)));
  const before = await count();
  await new Promise((resolve) => setTimeout(resolve, LISTEN_MS));
  const after = await count();
  return Object.fromEntries(names.map((name, at) => [name, (after[at] ?? 0) - (before[at] ?? 0)]));
}

/** Chooses an option by tapping its row, as a person does. */
export async function chooseRadio(page: Page, name: RegExp): Promise<void> {
  await page
    .locator('label.radio')
    .filter({ has: page.getByRole('radio', { name }) })
    .click();
}

/** Turns on voice (or voice and camera) as a person does: choose, check, confirm. */
export async function turnOnVoice(
  page: Page,
  words: { option: RegExp; confirm: string; level: string },
): Promise<void> {
  await chooseRadio(page, words.option);
  await page.getByRole('meter', { name: words.level }).waitFor();
  await page.getByRole('button', { name: words.confirm }).click();
}

/** "Voice", not "Voice and camera": a radio's name begins with its label. */
export const voiceOnly = /^Voice(?! and)/;
