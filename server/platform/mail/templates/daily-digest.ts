import { type Block, type EmailBase, layout, oneLine, type Template } from './layout.ts';

export interface DailyDigestData extends EmailBase {
  /** The day's notifications, oldest first, each as its own email would have said it. */
  items: { subject: string; text: string }[];
}

// The notifications of a day in one email, for readers who asked for a daily digest.
export const dailyDigest: Template<DailyDigestData> = (data, language) => {
  const count = data.items.length;
  const items: Block[] = data.items.flatMap((item): Block[] => [
    { kind: 'paragraph', text: oneLine(item.subject) },
    { kind: 'note', text: item.text },
  ]);
  if (language === 'es') {
    return layout({
      language,
      subject: `Su resumen diario de Restorativ: ${count} ${count === 1 ? 'aviso' : 'avisos'}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        { kind: 'paragraph', text: 'Esto es lo que pasó desde su último resumen.' },
        ...items,
      ],
    });
  }
  return layout({
    language,
    subject: `Your daily Restorativ digest: ${count} ${count === 1 ? 'notice' : 'notices'}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      { kind: 'paragraph', text: 'Here is what happened since your last digest.' },
      ...items,
    ],
  });
};
