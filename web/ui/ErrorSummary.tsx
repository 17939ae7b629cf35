import { type MouseEvent, useLayoutEffect, useRef } from 'react';
import { inCurrentLanguage } from '../i18n/i18n.ts';
import './error-summary.css';

export interface ErrorSummaryItem {
  /** The id of the field's input (or of a radio group): the link moves focus there. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** A short heading; leave it out when the message alone says everything. */
  title?: string;
  /** A sentence under the title, for a problem that belongs to no one field. */
  message?: string;
  items?: readonly ErrorSummaryItem[];
  /**
   * Changes on every failed attempt (a counter): the summary takes focus each time, so a
   * screen reader reads it and the top of the form scrolls into view.
   */
  attempt: number;
}

/** Focuses a field by id; for a group (e.g. radios), its checked or first input. */
export function focusField(fieldId: string): void {
  const element = document.getElementById(fieldId);
  if (!element) return;
  const target =
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
      ? element
      : (element.querySelector<HTMLInputElement>('input:checked') ??
        element.querySelector<HTMLInputElement>('input, textarea, select, button'));
  target?.focus();
  element.scrollIntoView({ block: 'center' });
}

/**
 * What needs a change before a form can be sent, at the top of the form: it takes focus when it
 * appears and links to each field. The same messages show at the fields themselves.
 */
export function ErrorSummary({ title, message, items = [], attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus on every new attempt
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [attempt]);

  function onLink(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    // The setup page keeps its one-time token in the address's #fragment: never replace it.
    event.preventDefault();
    focusField(fieldId);
  }

  return (
    <div ref={ref} tabIndex={-1} className="error-summary">
      <div role="alert">
        {title ? <h2 className="error-summary__title">{inCurrentLanguage(title)}</h2> : null}
        {message ? (
          <p className={title ? 'error-summary__message' : 'error-summary__message--only'}>
            {inCurrentLanguage(message)}
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="error-summary__list">
            {items.map((item) => (
              <li key={item.fieldId}>
                <a href={`#${item.fieldId}`} onClick={(event) => onLink(event, item.fieldId)}>
                  {inCurrentLanguage(item.message)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
