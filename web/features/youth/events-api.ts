import {
  type MyYouthEvents,
  myYouthEvents,
  type PlanEventRequest,
  type RecordAttendanceRequest,
  type YouthEventDetail,
  type YouthEventSummary,
  youthEventDetail,
  youthEventList,
  youthEventSummary,
} from '../../../shared/youth/events-contract.ts';
import { api } from '../../app/api.ts';

// Youth program events: the coordinator's list and form, an event's attendance page, and the
// upcoming events on a young person's own page.

export const programEventsKey = (programId: string) => ['youth', programId, 'events'] as const;
export const eventKey = (eventId: string) => ['youth', 'event', eventId] as const;
export const myEventsKey = ['youth', 'my-events'] as const;

export async function fetchProgramEvents(
  programId: string,
  signal?: AbortSignal,
): Promise<YouthEventSummary[]> {
  return (await api(`/api/programs/${programId}/youth-events`, { schema: youthEventList, signal }))
    .events;
}

export function planEvent(programId: string, body: PlanEventRequest): Promise<YouthEventSummary> {
  return api(`/api/programs/${programId}/youth-events`, { body, schema: youthEventSummary });
}

export function fetchEvent(eventId: string, signal?: AbortSignal): Promise<YouthEventDetail> {
  return api(`/api/youth-events/${eventId}`, { schema: youthEventDetail, signal });
}

export function recordAttendance(
  eventId: string,
  body: RecordAttendanceRequest,
): Promise<YouthEventDetail> {
  return api(`/api/youth-events/${eventId}/attendance`, {
    method: 'PUT',
    body,
    schema: youthEventDetail,
  });
}

export async function fetchMyEvents(signal?: AbortSignal): Promise<MyYouthEvents['events']> {
  return (await api('/api/me/youth-events', { schema: myYouthEvents, signal })).events;
}
