import {
  dialogueCommitmentBody,
  importPolisBody,
  POLIS_EXPORT_MAX,
  synthesisBody,
} from '../../../shared/dialogues/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { commitFromDialogue } from './dialogue-commitments.ts';
import { importPolis } from './import-polis.ts';
import { registerDialogueLive } from './live.ts';
import { publicResults } from './public-results.ts';
import { readDialogue } from './read.ts';
import { dialogueReport } from './report.ts';
import { reportCsv } from './report-csv.ts';
import { inProgram, oneDialogue, tags } from './result-params.ts';
import { saveSynthesis } from './synthesis.ts';

// A dialogue's results (shared/dialogues/contract.ts lists the routes): the report and its
// export, the synthesis and its commitments, the public results, the live report's socket, and
// importing a Pol.is conversation.

// Anyone may read published results, and each reading analyses every vote: enough for a page
// and its refreshes, not for a flood.
const publicReading: RateRule = { name: 'public-dialogue', max: 120, perMinutes: 5, by: 'address' };

export function registerResultRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/dialogues/:id/report',
    {
      schema: {
        summary:
          "A dialogue's results by role and opinion group, for its facilitators and reporters",
        tags,
        params: oneDialogue,
      },
    },
    async (request) => dialogueReport(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/dialogues/:id/report.csv',
    {
      schema: {
        summary: "A dialogue's results as a spreadsheet, one row per statement",
        tags,
        params: oneDialogue,
      },
    },
    async (request, reply) => {
      const report = await dialogueReport(
        context,
        await actors.require(request),
        request.params.id,
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dialogue-${report.dialogueId}.csv"`)
        .send(reportCsv(report));
    },
  );
  app.put(
    '/api/dialogues/:id/synthesis',
    {
      schema: {
        summary: 'Save the synthesis of the common ground, and publish the results or not',
        tags,
        params: oneDialogue,
        body: synthesisBody,
      },
    },
    async (request) => {
      const actor = await actors.require(request);
      await saveSynthesis(context, actor, request.params.id, request.body);
      return readDialogue(context.database.db, actor, request.params.id);
    },
  );
  app.post(
    '/api/dialogues/:id/commitments',
    {
      schema: {
        summary: 'Put a commitment that answers the dialogue on the accountability register',
        tags,
        params: oneDialogue,
        body: dialogueCommitmentBody,
      },
    },
    async (request, reply) => {
      const recorded = await commitFromDialogue(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(recorded);
    },
  );
  app.get(
    '/api/public/dialogues/:id',
    {
      config: { rateLimits: [publicReading] },
      schema: {
        summary: "A dialogue's published results: its common ground, synthesis and commitments",
        tags,
        params: oneDialogue,
      },
    },
    async (request) => publicResults(context, request.params.id),
  );
  app.post(
    '/api/programs/:programId/dialogues/import-polis',
    {
      // Both files of a large conversation, as JSON strings.
      bodyLimit: 3 * POLIS_EXPORT_MAX,
      schema: {
        summary: 'Import a Pol.is conversation (comments.csv, votes.csv) as an archived dialogue',
        tags,
        params: inProgram,
        body: importPolisBody,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const imported = await importPolis(context, actor, request.params.programId, request.body);
      return reply
        .code(201)
        .send(await readDialogue(context.database.db, actor, imported.dialogueId));
    },
  );
  registerDialogueLive(app, context, actors);
}
