import { z } from 'zod';
import { reviewHarvestBody, saveHarvestBody } from '../../../shared/circles/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import {
  harvestAnswer,
  previousAnswer,
  programVoiceAnswer,
  transcriptAnswer,
  voiceAnswer,
} from './after-answers.ts';
import { finaliseHarvest } from './harvest-finalise.ts';
import { readHarvest } from './harvest-read.ts';
import { reviewHarvest } from './harvest-review.ts';
import { saveHarvest } from './harvest-save.ts';
import { shareHarvest } from './harvest-share.ts';
import { previousCircle } from './previous.ts';
import { readTranscript } from './transcript.ts';
import { circleVoice, programVoice } from './voice.ts';

// After a circle closes: its harvest (written, shared, reviewed, made final), its transcript
// when everyone consented, its equal-voice figures, and for a series, where the last one ended.

const oneCircle = z.object({ id: z.uuid('must be a circle id') });
const inProgram = z.object({ programId: z.uuid('must be a program id') });
const tags = ['circles'];

export function registerAfterCircleRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/circles/:id/harvest',
    {
      schema: {
        summary: "A closed circle's harvest: for its keepers, and its participants once shared",
        tags,
        params: oneCircle,
        response: { 200: harvestAnswer },
      },
    },
    async (request) => readHarvest(context, await actors.require(request), request.params.id),
  );
  app.put(
    '/api/circles/:id/harvest',
    {
      schema: {
        summary:
          'Write or change the harvest: themes and commitments; a change clears approvals given',
        tags,
        params: oneCircle,
        body: saveHarvestBody,
        response: { 200: harvestAnswer },
      },
    },
    async (request) =>
      saveHarvest(context, await actors.require(request), request.params.id, request.body),
  );
  app.post(
    '/api/circles/:id/harvest/share',
    {
      schema: {
        summary: 'Share the harvest: the participants read it, and approve it or comment',
        tags,
        params: oneCircle,
        response: { 200: harvestAnswer },
      },
    },
    async (request) => shareHarvest(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/circles/:id/harvest/reviews',
    {
      schema: {
        summary: "A participant's answer to the shared harvest: approve, or comment",
        tags,
        params: oneCircle,
        body: reviewHarvestBody,
        response: { 200: harvestAnswer },
      },
    },
    async (request) =>
      reviewHarvest(context, await actors.require(request), request.params.id, request.body),
  );
  app.post(
    '/api/circles/:id/harvest/finalise',
    {
      schema: {
        summary:
          'Make the harvest final once a participant approved it: its commitments go on the register',
        tags,
        params: oneCircle,
        response: { 200: harvestAnswer },
      },
    },
    async (request) => finaliseHarvest(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/circles/:id/previous',
    {
      schema: {
        summary:
          "For a circle of a series: the last final harvest's themes and its open commitments",
        tags,
        params: oneCircle,
        response: { 200: previousAnswer },
      },
    },
    async (request) => previousCircle(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/circles/:id/transcript',
    {
      schema: {
        summary: "A closed circle's words, kept only when everyone consented, for a limited time",
        tags,
        params: oneCircle,
        response: { 200: transcriptAnswer },
      },
    },
    async (request) => readTranscript(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/circles/:id/voice',
    {
      schema: {
        summary: "A closed circle's turns and time with the piece, by group; no names, no words",
        tags,
        params: oneCircle,
        response: { 200: voiceAnswer },
      },
    },
    async (request) => circleVoice(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/programs/:programId/circle-voice',
    {
      schema: {
        summary: "Equal voice in a program's closed circles: each circle's figures and the total",
        tags,
        params: inProgram,
        response: { 200: programVoiceAnswer },
      },
    },
    async (request) =>
      programVoice(context, await actors.require(request), request.params.programId),
  );
}
