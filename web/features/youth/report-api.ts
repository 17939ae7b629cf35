import { type YouthReport, youthReport } from '../../../shared/youth/report.ts';
import { api } from '../../app/api.ts';
import { youthKey } from './api.ts';

// A youth program's report (shared/youth/report.ts): counts only, small groups hidden by the
// server before it answers.

export const youthReportKey = (programId: string) => [...youthKey(programId), 'report'] as const;

export function fetchYouthReport(programId: string, signal?: AbortSignal): Promise<YouthReport> {
  return api(`/api/programs/${encodeURIComponent(programId)}/youth-report`, {
    schema: youthReport,
    signal,
  });
}
