import type { CommitmentSource } from './contract.ts';
import type { CommitmentStatus } from './machine.ts';

// What statuses and sources are called, in one place for the staff pages and the public register:
// a resident who reads "In progress" on the register reads the same words an officer reads.

export const statusNames: Record<'en' | 'es', Record<CommitmentStatus, string>> = {
  en: {
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    not_done: 'Not done',
    changed: 'Changed',
  },
  es: {
    planned: 'Previsto',
    in_progress: 'En curso',
    done: 'Cumplido',
    not_done: 'No cumplido',
    changed: 'Modificado',
  },
};

export const sourceNames: Record<'en' | 'es', Record<CommitmentSource, string>> = {
  en: {
    circle: 'Circle',
    conference: 'Conference',
    dialogue: 'Dialogue',
    manual: 'Meeting or other',
  },
  es: {
    circle: 'Círculo',
    conference: 'Conferencia',
    dialogue: 'Diálogo',
    manual: 'Reunión u otro',
  },
};
