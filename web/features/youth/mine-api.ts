import {
  type MyYouthPrograms,
  myYouthPrograms,
  youthJoinResponse,
} from '../../../shared/youth/contract.ts';
import { api } from '../../app/api.ts';

// A young person's own pages: in by their link, then their program and whether they may take part.

export const myYouthKey = ['youth', 'mine'] as const;

export function fetchMyYouth(signal?: AbortSignal): Promise<MyYouthPrograms['programs']> {
  return api('/api/me/youth', { schema: myYouthPrograms, signal }).then((mine) => mine.programs);
}

export function joinByYouthLink(token: string): Promise<{ programId: string }> {
  return api('/api/youth/join', { method: 'POST', body: { token }, schema: youthJoinResponse });
}
