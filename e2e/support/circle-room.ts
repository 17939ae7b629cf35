import type { Page, WebSocketRoute } from 'playwright-core';
import { expect } from 'vitest';

// What a person does in a circle's room, in the words on their screen. Each helper waits for
// what the person would see, never for a time.

/** The room's words in the language its reader chose. */
export interface RoomWords {
  yourTurn: string;
  yourWords: string;
  post: string;
  pass: string;
  listeningTo: (name: string) => string;
}

export const roomWords: Record<'en' | 'es', RoomWords> = {
  en: {
    yourTurn: 'The talking piece is with you',
    yourWords: 'Your words',
    post: 'Post',
    pass: 'Pass',
    listeningTo: (name) => `The talking piece is with ${name}.`,
  },
  es: {
    yourTurn: 'La pieza de la palabra es suya',
    yourWords: 'Sus palabras',
    post: 'Publicar',
    pass: 'Pasar',
    listeningTo: (name) => `La pieza de la palabra la tiene ${name}.`,
  },
};

/** Waits until the piece reaches the reader: their turn appears at the top of the room. */
export async function waitForMyTurn(page: Page, words: RoomWords): Promise<void> {
  await page.getByRole('heading', { level: 2, name: words.yourTurn }).waitFor();
}

/** Writes and posts, then waits until the words appear among what has been said. */
export async function post(page: Page, words: RoomWords, text: string): Promise<void> {
  await waitForMyTurn(page, words);
  await page.getByRole('textbox', { name: words.yourWords }).fill(text);
  await page.getByRole('button', { name: words.post, exact: true }).click();
  await messageFrom(page, text).waitFor();
}

/** Hands the piece on; waits until it is no longer the reader's. */
export async function pass(page: Page, words: RoomWords): Promise<void> {
  await waitForMyTurn(page, words);
  await page.getByRole('button', { name: words.pass, exact: true }).click();
  await page
    .getByRole('heading', { level: 2, name: words.yourTurn })
    .waitFor({ state: 'detached' });
}

/** A message among what has been said, by its words. */
export function messageFrom(page: Page, text: string) {
  return page.locator('.messages__list > li').filter({ hasText: text });
}

/**
 * Presses Tab until `target` has focus, as a keyboard user moves through the page; fails after
 * `limit` presses.
 */
export async function tabTo(
  page: Page,
  target: ReturnType<Page['locator']>,
  limit = 60,
): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach the element within ${limit} presses`);
}

/** Waits until the room's polite live region says `words`: what a screen reader user hears. */
export async function waitUntilSpoken(page: Page, words: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('p[aria-live="polite"][aria-atomic="true"]')
        ?.textContent?.includes(expected) === true,
    words,
  );
}

/**
 * The page's line to the live room, which the test can cut and restore, as a phone loses its
 * signal in a lift: while cut, every attempt to reconnect is closed as soon as it opens.
 */
export async function cuttableLine(page: Page): Promise<{ cut(): Promise<void>; restore(): void }> {
  let cut = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/api\/circles\/live$/, (socket) => {
    if (cut) {
      void socket.close();
      return;
    }
    socket.connectToServer();
    open.push(socket);
  });
  return {
    async cut() {
      cut = true;
      await Promise.all(open.splice(0).map((socket) => socket.close()));
    },
    restore() {
      cut = false;
    },
  };
}

/**
 * A line to the room whose answers from the server can be held back and then let through in
 * order, as a slow connection would deliver them: what the person presses meanwhile still goes.
 */
export async function holdableLine(page: Page): Promise<{ hold(): void; release(): void }> {
  let held: (() => void)[] | null = null;
  await page.routeWebSocket(/\/api\/circles\/live$/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (held) held.push(() => socket.send(message));
      else socket.send(message);
    });
  });
  return {
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = null;
      for (const deliver of waiting) deliver();
    },
  };
}

/** The page fits the screen's width: nothing makes a phone's reader scroll sideways. */
export async function expectFitsTheScreen(page: Page): Promise<void> {
  const { content, screen } = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(content, `the page is wider than the screen on ${page.url()}`).toBeLessThanOrEqual(screen);
}
