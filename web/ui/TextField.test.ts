import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextField, type TextFieldProps } from './TextField.tsx';

// The unit project runs in Node without a DOM, so these tests read the server-rendered markup.

function attributesOf(html: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!match?.[1]) throw new Error(`no <${tag}> in ${html}`);
  return Object.fromEntries(
    [...match[1].matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [name, value]),
  );
}

function textOfId(html: string, id: string): string | undefined {
  return new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

function render(props: TextFieldProps): string {
  return renderToStaticMarkup(createElement(TextField, props));
}

describe('TextField', () => {
  it('should label the input with its visible label', () => {
    const html = render({ label: 'Display name' });
    const input = attributesOf(html, 'input');
    const label = attributesOf(html, 'label');
    expect(label.for).toBe(input.id);
    expect(html).toContain('>Display name</label>');
  });

  it('should describe the input with its help text', () => {
    const html = render({ label: 'Display name', description: 'Any name you like.' });
    const describedBy = attributesOf(html, 'input')['aria-describedby']?.split(' ') ?? [];
    expect(describedBy.map((id) => textOfId(html, id))).toContain('Any name you like.');
  });

  it('should mark the input invalid and announce a field message from the server', () => {
    const html = render({ label: 'Display name', errorMessage: 'This name is too long.' });
    const input = attributesOf(html, 'input');
    expect(input['aria-invalid']).toBe('true');
    const describedBy = input['aria-describedby']?.split(' ') ?? [];
    expect(describedBy.map((id) => textOfId(html, id))).toContain('This name is too long.');
  });

  it('should show no error and stay valid when there is no message', () => {
    const html = render({ label: 'Display name' });
    expect(attributesOf(html, 'input')['aria-invalid']).toBeUndefined();
    expect(html).not.toContain('field__error');
  });

  it('should render a text area when asked for several lines', () => {
    const html = render({ label: 'What happened', multiline: true });
    expect(attributesOf(html, 'textarea').id).toBe(attributesOf(html, 'label').for);
  });
});
