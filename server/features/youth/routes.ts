import { z } from 'zod';
import {
  addYoungPersonRequest,
  addYoungPersonResponse,
  consentAnswerRequest,
  consentAnswerResponse,
  consentPreview,
  consentPreviewQuery,
  myYouthPrograms,
  youngPeopleList,
  youngPerson,
  youthJoinRequest,
  youthJoinResponse,
  youthLinkResponse,
  youthSettingsRequest,
  youthSettingsResponse,
} from '../../../shared/youth/contract.ts';
import {
  createPairRequest,
  guardianMentoring,
  logMeetingRequest,
  pairDetail,
  pairList,
  pairSummary,
  sendMessageRequest,
} from '../../../shared/youth/mentoring-contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import { startSessionAfterInvitation } from '../../platform/auth/invited-sign-in.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { answerConsent, previewConsent } from './guardian.ts';
import { joinByYouthLink, myYouthPrograms as readMyYouthPrograms } from './join.ts';
import { addYoungPerson, askConsentAgain, listYoungPeople, newYouthLink } from './members.ts';
import {
  createPair,
  listPairs,
  logMeeting,
  mentoringForGuardian,
  mentorsOf,
  myPairs,
  readPair,
  sendMessage,
} from './mentoring.ts';
import { recordLeaving } from './purge.ts';
import { readYouthSettings, saveYouthSettings } from './settings.ts';

// Every route of youth programs (shared/youth/contract.ts describes them).

const tags = ['youth'];
const inProgram = z.object({ programId: z.uuid('must be a program id') });
const oneYoungPerson = z.object({ id: z.uuid('must be a young person id') });
const onePair = z.object({ id: z.uuid('must be a mentoring pair id') });

// A guardian's or a young person's link is a secret that must not be guessed.
const youthLinkUse: RateRule = { name: 'youth-link', max: 60, perMinutes: 15, by: 'address' };

export function registerYouthRoutes(app: ApiApp, context: AppContext, actors: ActorResolver): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/youth',
    {
      schema: {
        summary: "A youth program's settings; null while the program is not one",
        tags,
        params: inProgram,
        response: { 200: youthSettingsResponse },
      },
    },
    async (request) => ({
      settings: await readYouthSettings(
        db,
        await actors.require(request),
        request.params.programId,
      ),
    }),
  );
  app.put(
    '/api/programs/:programId/youth',
    {
      schema: {
        summary:
          'Make a program a youth program, or change its age range, safeguarding lead, rules and retention',
        tags,
        params: inProgram,
        body: youthSettingsRequest,
        response: { 200: youthSettingsResponse },
      },
    },
    async (request) => ({
      settings: await saveYouthSettings(
        context,
        await actors.require(request),
        request.params.programId,
        request.body,
      ),
    }),
  );
  app.get(
    '/api/programs/:programId/young-people',
    {
      schema: {
        summary: "A youth program's young people, and whether each may take part",
        tags,
        params: inProgram,
        response: { 200: youngPeopleList },
      },
    },
    async (request) => ({
      youngPeople: await listYoungPeople(
        context,
        await actors.require(request),
        request.params.programId,
      ),
    }),
  );
  app.post(
    '/api/programs/:programId/young-people',
    {
      schema: {
        summary: "Add a young person; a minor's guardian is asked for consent by email",
        tags,
        params: inProgram,
        body: addYoungPersonRequest,
        response: { 201: addYoungPersonResponse },
      },
    },
    async (request, reply) => {
      const { youngPerson, youthLink } = await addYoungPerson(
        context,
        await actors.require(request),
        request.params.programId,
        request.body,
      );
      // The guardian's link goes to the guardian alone: whoever added the young person must
      // not be able to answer for them.
      return reply.code(201).send({ youngPerson, youthLink });
    },
  );
  app.post(
    '/api/young-people/:id/link',
    {
      schema: {
        summary: 'A new link for the young person; the old one stops working',
        tags,
        params: oneYoungPerson,
        response: { 200: youthLinkResponse },
      },
    },
    async (request) => ({
      youthLink: await newYouthLink(context, await actors.require(request), request.params.id),
    }),
  );
  app.post(
    '/api/young-people/:id/leave',
    {
      schema: {
        summary:
          'Record that a young person has left the program: their part ends now, and their record is removed when the retention period ends',
        tags,
        params: oneYoungPerson,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await recordLeaving(context, await actors.require(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/young-people/:id/consent-request',
    {
      schema: {
        summary: 'Ask the guardian again, after a decline, a withdrawal or an expiry',
        tags,
        params: oneYoungPerson,
        response: { 200: z.object({ youngPerson }) },
      },
    },
    async (request) => ({
      youngPerson: await askConsentAgain(context, await actors.require(request), request.params.id),
    }),
  );
  app.get(
    '/api/consent',
    {
      config: { rateLimits: [youthLinkUse] },
      schema: {
        summary: 'What a guardian is asked to consent to, by the link in their email',
        tags,
        querystring: consentPreviewQuery,
        response: { 200: consentPreview },
      },
    },
    (request) => previewConsent(context, request.query.token),
  );
  app.post(
    '/api/consent',
    {
      config: { rateLimits: [youthLinkUse] },
      schema: {
        summary: 'A guardian gives or declines consent once, or withdraws it at any time',
        tags,
        body: consentAnswerRequest,
        response: { 200: consentAnswerResponse },
      },
    },
    async (request) => ({
      consent: await answerConsent(context, request.body.token, request.body.answer),
    }),
  );
  app.get(
    '/api/consent/mentoring',
    {
      config: { rateLimits: [youthLinkUse] },
      schema: {
        summary:
          "A guardian reads their young person's mentoring messages, where the program lets them",
        tags,
        querystring: consentPreviewQuery,
        response: { 200: guardianMentoring },
      },
    },
    (request) => mentoringForGuardian(context, request.query.token),
  );
  app.post(
    '/api/youth/join',
    {
      config: { rateLimits: [youthLinkUse] },
      schema: {
        summary: "A young person's own link signs them in",
        tags,
        body: youthJoinRequest,
        response: { 200: youthJoinResponse },
      },
    },
    async (request, reply) => {
      const joined = await joinByYouthLink(context, request.body.token);
      const current = await actors.current(request);
      if (current?.personId !== joined.personId) {
        await startSessionAfterInvitation(context.auth, request, reply, joined.personId);
      }
      return { programId: joined.programId };
    },
  );
  app.get(
    '/api/me/youth',
    {
      schema: {
        summary: "The young person's programs, and whether they may take part yet",
        tags,
        response: { 200: myYouthPrograms },
      },
    },
    async (request) => ({
      programs: await readMyYouthPrograms(db, await actors.require(request)),
    }),
  );
  app.get(
    '/api/programs/:programId/mentoring-pairs',
    {
      schema: {
        summary: "A youth program's mentoring pairs",
        tags,
        params: inProgram,
        response: { 200: pairList },
      },
    },
    async (request) => ({
      pairs: await listPairs(context, await actors.require(request), request.params.programId),
    }),
  );
  app.post(
    '/api/programs/:programId/mentoring-pairs',
    {
      schema: {
        summary: 'Pair an officer mentor with a young person; coordinators read every message',
        tags,
        params: inProgram,
        body: createPairRequest,
        response: { 201: pairSummary },
      },
    },
    async (request, reply) => {
      const pair = await createPair(
        context,
        await actors.require(request),
        request.params.programId,
        request.body,
      );
      return reply.code(201).send(pair);
    },
  );
  app.get(
    '/api/programs/:programId/mentors',
    {
      schema: {
        summary: 'The verified officers of a youth program, who may mentor',
        tags,
        params: inProgram,
        response: {
          200: z.object({ mentors: z.array(z.object({ id: z.string(), name: z.string() })) }),
        },
      },
    },
    async (request) => ({
      mentors: await mentorsOf(context, await actors.require(request), request.params.programId),
    }),
  );
  app.get(
    '/api/me/mentoring',
    {
      schema: {
        summary: 'The mentoring pairs the person is in, as mentor or young person',
        tags,
        response: { 200: pairList },
      },
    },
    async (request) => ({ pairs: await myPairs(context, await actors.require(request)) }),
  );
  app.get(
    '/api/mentoring-pairs/:id',
    {
      schema: {
        summary:
          "A mentoring pair's messages and meetings, to the pair and those who watch over it",
        tags,
        params: onePair,
        response: { 200: pairDetail },
      },
    },
    async (request) => readPair(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/mentoring-pairs/:id/messages',
    {
      schema: {
        summary: 'Write in a mentoring pair; the coordinators read it too',
        tags,
        params: onePair,
        body: sendMessageRequest,
        response: { 200: pairDetail },
      },
    },
    async (request) =>
      sendMessage(context, await actors.require(request), request.params.id, request.body.body),
  );
  app.post(
    '/api/mentoring-pairs/:id/meetings',
    {
      schema: {
        summary: "Log a pair's meeting: when, where and who was present",
        tags,
        params: onePair,
        body: logMeetingRequest,
        response: { 200: pairDetail },
      },
    },
    async (request) =>
      logMeeting(context, await actors.require(request), request.params.id, request.body),
  );
}
