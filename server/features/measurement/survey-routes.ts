import { z } from 'zod';
import { supportedLanguages } from '../../../shared/about/contract.ts';
import {
  answerBody,
  createSurveyBody,
  posterQuery,
  startPulseBody,
  updateSurveyBody,
} from '../../../shared/measurement/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { submitAnswer } from './answer.ts';
import { freshTokenFor, mySurveys } from './my-surveys.ts';
import { posterPdf, posterPng } from './poster.ts';
import { startPulse } from './pulse.ts';
import { listSurveys, readSurvey } from './survey-read.ts';
import { closeSurvey, createSurvey, updateSurvey } from './surveys.ts';
import { surveyToAnswer } from './to-answer.ts';

// Setting up surveys (coordinators), answering them by a token (anyone, no account), and the
// surveys waiting for the signed-in person. shared/measurement/contract.ts lists the routes.

const tags = ['measurement'];
const id = z.string().min(1).max(100);
const inProgram = z.object({ programId: id });
const oneSurvey = z.object({ id });
const byToken = z.object({ token: z.string().min(1).max(100) });

// Public links: a pulse's or a training's start makes a token per visit, and a token is a secret that must not
// be guessed. Enough for a household sharing one address, not for a flood.
const pulseStart: RateRule = { name: 'survey-pulse', max: 30, perMinutes: 15, by: 'address' };
const answering: RateRule = { name: 'survey-answer', max: 60, perMinutes: 15, by: 'address' };

export function registerSurveyRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  const { publicUrl } = context.config;
  app.get(
    '/api/programs/:programId/surveys',
    { schema: { summary: "A program's surveys", tags, params: inProgram } },
    async (request) => listSurveys(db, await actors.require(request), request.params.programId),
  );
  app.post(
    '/api/programs/:programId/surveys',
    {
      schema: {
        summary: 'Set up a survey: its kind, questions, languages and dates',
        tags,
        params: inProgram,
        body: createSurveyBody,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const detail = await createSurvey(context, actor, request.params.programId, request.body);
      return reply.code(201).send(detail);
    },
  );
  app.get(
    '/api/surveys/:id',
    { schema: { summary: 'One survey, with its counts', tags, params: oneSurvey } },
    async (request) => readSurvey(db, publicUrl, await actors.require(request), request.params.id),
  );
  app.patch(
    '/api/surveys/:id',
    {
      schema: {
        summary: "Change a survey's title, closing date or neighbourhoods",
        tags,
        params: oneSurvey,
        body: updateSurveyBody,
      },
    },
    async (request) =>
      updateSurvey(context, await actors.require(request), request.params.id, request.body),
  );
  app.post(
    '/api/surveys/:id/close',
    { schema: { summary: 'Close a survey now', tags, params: oneSurvey } },
    async (request) => closeSurvey(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/surveys/:id/poster.png',
    {
      schema: {
        summary: "A pulse's or a training survey's public link as a QR code",
        tags,
        params: oneSurvey,
        querystring: posterQuery,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const png = await posterPng(context, actor, request.params.id, request.query.phase);
      return reply
        .header('content-type', 'image/png')
        .header('content-disposition', `inline; filename="survey-${request.params.id}.png"`)
        .send(png);
    },
  );
  app.get(
    '/api/surveys/:id/poster.pdf',
    {
      schema: {
        summary: "A pulse's or a training survey's printable poster",
        tags,
        params: oneSurvey,
        querystring: posterQuery,
      },
    },
    async (request, reply) => {
      const { phase } = request.query;
      const actor = await actors.require(request);
      const pdf = await posterPdf(context, actor, request.params.id, phase);
      const name = phase ? `survey-${request.params.id}-${phase}` : `survey-${request.params.id}`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/pulse/:slug/start',
    {
      config: { rateLimits: [pulseStart] },
      schema: {
        summary:
          'Start answering a pulse or a training survey from its public link: a fresh one-use token',
        tags,
        params: z.object({ slug: z.string().min(1).max(100) }),
        body: startPulseBody,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startPulse(context, request.params.slug, request.body?.phase)),
  );
  app.get(
    '/api/survey-answer/:token',
    {
      config: { rateLimits: [answering] },
      schema: {
        summary: 'The survey a token opens, in the language asked',
        tags,
        params: byToken,
        querystring: z.object({ language: z.enum(supportedLanguages).optional() }),
      },
    },
    async (request) => surveyToAnswer(db, request.params.token, request.query.language),
  );
  app.post(
    '/api/survey-answer/:token',
    {
      config: { rateLimits: [answering] },
      schema: {
        summary: "Send one's answers; the token is then spent",
        tags,
        params: byToken,
        body: answerBody,
      },
    },
    async (request) => submitAnswer(context, request.params.token, request.body),
  );

  app.get(
    '/api/me/surveys',
    { schema: { summary: 'The surveys waiting for me', tags } },
    async (request) => mySurveys(db, await actors.require(request)),
  );
  app.post(
    '/api/me/surveys/:invitationId/token',
    {
      schema: {
        summary: 'A fresh token to answer a survey waiting for me',
        tags,
        params: z.object({ invitationId: id }),
      },
    },
    async (request) =>
      freshTokenFor(context, await actors.require(request), request.params.invitationId),
  );
}
