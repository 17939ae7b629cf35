import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { StatusMarks } from './badges.tsx';

// The unit project runs in Node without a DOM, so these tests read the server-rendered markup.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

async function marks(
  language: 'en' | 'es',
  commitment: Parameters<typeof StatusMarks>[0]['commitment'],
): Promise<string> {
  await i18n.changeLanguage(language);
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(StatusMarks, { commitment })),
  );
}

/** What a screen reader reads: the markup without tags and without what is hidden from it. */
const spoken = (html: string) =>
  html
    .replace(/<svg[^>]*aria-hidden="true"[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the marks of a commitment', () => {
  it('should say "Overdue" in words beside its icon, not by colour alone', async () => {
    const html = await marks('en', { status: 'in_progress', overdue: true, verifiedAt: null });
    expect(spoken(html)).toBe('In progress Overdue');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(spoken(await marks('es', { status: 'planned', overdue: true, verifiedAt: null }))).toBe(
      'Previsto Vencido',
    );
  });

  it('should tell a verified completion from one still waiting for a coordinator', async () => {
    const at = '2026-11-26T10:00:00.000Z';
    expect(spoken(await marks('en', { status: 'done', overdue: false, verifiedAt: at }))).toBe(
      'Done Verified',
    );
    expect(spoken(await marks('en', { status: 'done', overdue: false, verifiedAt: null }))).toBe(
      'Done Not verified yet',
    );
    expect(
      spoken(await marks('es', { status: 'not_done', overdue: false, verifiedAt: null })),
    ).toBe('No cumplido');
  });
});
