import type { ItemKind } from '../../../../shared/conferences/names.ts';
import type { Language } from './layout.ts';

// What the conference emails say of an agreement item: its kind and its day, never its words.
// An email can be read over a shoulder or forwarded; the agreement's words stay in the case.

export const itemKindWords: Record<Language, Record<ItemKind, string>> = {
  en: {
    apology: 'Apology',
    restitution: 'Restitution',
    service_hours: 'Service hours',
    officer_training: 'Training for an officer',
    policy_review: 'Policy review',
    meeting: 'Meeting',
    other: 'Other commitment',
  },
  es: {
    apology: 'Disculpa',
    restitution: 'Reparación económica',
    service_hours: 'Horas de servicio',
    officer_training: 'Formación para un agente',
    policy_review: 'Revisión de una política',
    meeting: 'Reunión',
    other: 'Otro compromiso',
  },
};

export const formatMoney = (cents: number, currency: string, language: Language) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(cents / 100);
