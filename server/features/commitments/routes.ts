import { z } from 'zod';
import {
  commitmentDetail,
  commitmentFilters,
  commitmentList,
  commitmentOwnerChoices,
  commitmentUpdateRequest,
  createCommitmentRequest,
  moveDueDateRequest,
  verifyCommitmentRequest,
} from '../../../shared/commitments/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { InvalidError } from '../../platform/errors.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { moveDueDate, reportOnCommitment, verifyCompletion } from './changes.ts';
import { exportCommitments } from './export.ts';
import { commitmentsOwnedBy, listCommitments, ownerChoicesFor, readCommitment } from './read.ts';
import { createCommitment } from './record.ts';

const inProgram = z.object({ programId: z.uuid('must be a program id') });
const oneCommitment = z.object({ commitmentId: z.uuid('must be a commitment id') });
const tags = ['commitments'];

export function registerCommitmentRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/commitments',
    {
      schema: {
        summary: "A program's commitments that the person may see, filtered",
        tags,
        params: inProgram,
        querystring: commitmentFilters,
        response: { 200: commitmentList },
      },
    },
    async (request) =>
      listCommitments(
        context,
        await actors.require(request),
        request.params.programId,
        request.query,
      ),
  );
  app.post(
    '/api/programs/:programId/commitments',
    {
      schema: {
        summary: 'Record a commitment on the register: an owner, a due day, who may see it',
        tags,
        params: inProgram,
        body: createCommitmentRequest,
        response: { 201: commitmentDetail },
      },
    },
    async (request, reply) => {
      // By hand, staff record what was promised at a meeting; a circle's, a conference's or a
      // dialogue's commitments are recorded by those features, where their people agreed them.
      if (request.body.source !== 'manual') {
        throw new InvalidError([
          {
            field: 'source',
            message: 'Commitments from a circle, a conference or a dialogue are recorded there.',
            code: 'recorded_at_source',
          },
        ]);
      }
      const created = await createCommitment(
        context,
        await actors.require(request),
        request.params.programId,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/programs/:programId/commitment-owners',
    {
      schema: {
        summary: 'Whom a commitment of the program may be given to: its people and organisations',
        tags,
        params: inProgram,
        response: { 200: commitmentOwnerChoices },
      },
    },
    async (request) => ownerChoicesFor(db, await actors.require(request), request.params.programId),
  );
  app.get(
    '/api/programs/:programId/commitments/export',
    {
      schema: {
        summary:
          "A program's commitments as CSV, filtered: all the person may see but a case team's",
        tags,
        params: inProgram,
        querystring: commitmentFilters,
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const exported = await exportCommitments(
        context,
        await actors.require(request),
        request.params.programId,
        request.query,
      );
      return reply
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8; header=present')
        .send(exported.csv);
    },
  );
  app.get(
    '/api/commitments/mine',
    {
      schema: {
        summary: 'The commitments the person signed in owns, overdue ones first',
        tags,
        response: { 200: commitmentList },
      },
    },
    async (request) => commitmentsOwnedBy(context, await actors.require(request)),
  );
  app.get(
    '/api/commitments/:commitmentId',
    {
      schema: {
        summary: 'One commitment with its timeline, and what the person may do with it',
        tags,
        params: oneCommitment,
        response: { 200: commitmentDetail },
      },
    },
    async (request) =>
      readCommitment(context, await actors.require(request), request.params.commitmentId),
  );
  app.post(
    '/api/commitments/:commitmentId/updates',
    {
      schema: {
        summary:
          "The owner's report: a new status (with a reason where one is due), progress, evidence",
        tags,
        params: oneCommitment,
        body: commitmentUpdateRequest,
        response: { 200: commitmentDetail },
      },
    },
    async (request) =>
      reportOnCommitment(
        context,
        await actors.require(request),
        request.params.commitmentId,
        request.body,
      ),
  );
  app.post(
    '/api/commitments/:commitmentId/due-date',
    {
      schema: {
        summary: 'Move the due day, saying why',
        tags,
        params: oneCommitment,
        body: moveDueDateRequest,
        response: { 200: commitmentDetail },
      },
    },
    async (request) =>
      moveDueDate(
        context,
        await actors.require(request),
        request.params.commitmentId,
        request.body,
      ),
  );
  app.post(
    '/api/commitments/:commitmentId/verify',
    {
      schema: {
        summary: 'A coordinator confirms that a commitment marked done was done',
        tags,
        params: oneCommitment,
        body: verifyCommitmentRequest,
        response: { 200: commitmentDetail },
      },
    },
    async (request) =>
      verifyCompletion(
        context,
        await actors.require(request),
        request.params.commitmentId,
        request.body,
      ),
  );
}
