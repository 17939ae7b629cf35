import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, parseMarkdown, parseSpans } from './markdown.tsx';

describe('parseSpans', () => {
  it('should find bold and italic parts and keep the rest as text', () => {
    expect(parseSpans('Say **what** you *saw*, then 2 * 3.')).toEqual([
      { kind: 'text', text: 'Say ' },
      { kind: 'strong', text: 'what' },
      { kind: 'text', text: ' you ' },
      { kind: 'em', text: 'saw' },
      { kind: 'text', text: ', then 2 * 3.' },
    ]);
  });
});

describe('parseMarkdown', () => {
  it('should part paragraphs, headings and both kinds of list', () => {
    const text = [
      'First line',
      'continues here.',
      '',
      '## Opening',
      'After the heading.',
      '### Smaller',
      '- one',
      '- **two**',
      '',
      '3. third',
      '4. fourth',
    ].join('\n');
    expect(parseMarkdown(text)).toEqual([
      { kind: 'paragraph', spans: [{ kind: 'text', text: 'First line continues here.' }] },
      { kind: 'heading', depth: 2, spans: [{ kind: 'text', text: 'Opening' }] },
      { kind: 'paragraph', spans: [{ kind: 'text', text: 'After the heading.' }] },
      { kind: 'heading', depth: 3, spans: [{ kind: 'text', text: 'Smaller' }] },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [[{ kind: 'text', text: 'one' }], [{ kind: 'strong', text: 'two' }]],
      },
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [[{ kind: 'text', text: 'third' }], [{ kind: 'text', text: 'fourth' }]],
      },
    ]);
  });

  it('should start a new list when bullets turn into numbers', () => {
    const blocks = parseMarkdown('- a\n1. b');
    expect(blocks.map((block) => block.kind === 'list' && block.ordered)).toEqual([false, true]);
  });
});

describe('Markdown', () => {
  const render = (text: string, headingLevel = 3) =>
    renderToStaticMarkup(createElement(Markdown, { text, headingLevel }));

  it('should put headings one level below the heading the text sits under', () => {
    expect(render('## Stages\n### Opening', 3)).toBe(
      '<div class="training-markdown"><h4>Stages</h4><h5>Opening</h5></div>',
    );
    expect(render('## Deep\n### Deeper', 5)).toContain('<h6>Deep</h6><h6>Deeper</h6>');
  });

  it('should show markup in a text as the text it is, never as elements', () => {
    const html = render('<script>alert(1)</script> and <img src=x onerror=alert(1)> **<b>hi</b>**');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<strong>&lt;b&gt;hi&lt;/b&gt;</strong>');
  });

  it('should show an image on a line of its own with its words, and only from an allowed address', () => {
    expect(render('Seats.\n![A ring of chairs](/course-images/circle-of-chairs.svg)\nMore.')).toBe(
      '<div class="training-markdown"><p>Seats.</p><figure class="training-markdown__image"><img src="/course-images/circle-of-chairs.svg" alt="A ring of chairs" loading="lazy"/></figure><p>More.</p></div>',
    );
    // Without words, from plain http, or inside a sentence, it stays the text it is.
    for (const text of [
      '![](/course-images/circle-of-chairs.svg)',
      '![Chairs](http://agency.example/chairs.png)',
      'See ![Chairs](/course-images/circle-of-chairs.svg) here',
    ]) {
      expect(render(text)).not.toContain('<img');
    }
  });

  it('should number an ordered list from its first number', () => {
    expect(render('2. second\n3. third')).toBe(
      '<div class="training-markdown"><ol start="2"><li>second</li><li>third</li></ol></div>',
    );
  });
});
