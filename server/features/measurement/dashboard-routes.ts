import { z } from 'zod';
import {
  dashboardQuery,
  publicPageBody,
  reportQuery,
} from '../../../shared/measurement/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { authorizeMeasurement, dashboardFor, readDashboard } from './dashboard.ts';
import { dashboardCsv } from './dashboard-csv.ts';
import { choosePublicPage, organisationMeasurement } from './organisation-measurement.ts';
import { publicTrust } from './public-trust.ts';
import { quarterReport } from './report-pdf.ts';
import { surveyResults } from './survey-results.ts';

// The figures made of the answers (shared/measurement/contract.ts lists the routes): a survey's
// results, a program's dashboard, its spreadsheet and its quarter's printable report; an organisation's programs at a
// glance and its choice of a public page; and that public page's figures, for anyone.

const tags = ['measurement'];
const id = z.string().min(1).max(100);
const inProgram = z.object({ programId: id });
const ofOrganisation = z.object({ organisationId: id });
const oneSurvey = z.object({ id });

// Anyone may read an organisation's public figures, and each reading runs a program's queries:
// enough for a page and its refreshes, not for a flood.
const publicReading: RateRule = { name: 'public-trust', max: 120, perMinutes: 5, by: 'address' };

export function registerDashboardRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/measurement',
    {
      schema: {
        summary: "A program's figures for one kind of survey and one quarter, small groups hidden",
        tags,
        params: inProgram,
        querystring: dashboardQuery,
      },
    },
    async (request) =>
      dashboardFor(db, await actors.require(request), request.params.programId, request.query),
  );
  app.get(
    '/api/surveys/:id/results',
    {
      schema: {
        summary:
          "One survey's answers up to its close or the last ended quarter, small counts hidden",
        tags,
        params: oneSurvey,
      },
    },
    async (request) => surveyResults(context, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/programs/:programId/measurement.csv',
    {
      schema: {
        summary: 'The same figures as a spreadsheet, one row per figure, hidden ones in words',
        tags,
        params: inProgram,
        querystring: dashboardQuery,
      },
    },
    async (request, reply) => {
      const { programId } = request.params;
      await authorizeMeasurement(
        db,
        await actors.require(request),
        programId,
        'measurement.export',
      );
      const dashboard = await readDashboard(db, programId, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="measurement-${dashboard.kind}-${dashboard.quarter}.csv"`,
        )
        .send(dashboardCsv(dashboard));
    },
  );
  app.get(
    '/api/programs/:programId/measurement/report.pdf',
    {
      schema: {
        summary: "A program's printable report for one quarter, in English or Spanish",
        tags,
        params: inProgram,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const pdf = await quarterReport(db, actor, request.params.programId, request.query);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="trust-report-${request.query.quarter}.pdf"`,
        )
        .send(pdf);
    },
  );
  app.get(
    '/api/organisations/:organisationId/measurement',
    {
      schema: {
        summary: "Each of an organisation's programs with its latest community pulse figures",
        tags,
        params: ofOrganisation,
      },
    },
    async (request) =>
      organisationMeasurement(db, await actors.require(request), request.params.organisationId),
  );
  app.put(
    '/api/organisations/:organisationId/measurement/public',
    {
      schema: {
        summary: "Show the organisation's aggregate trust figures on a public page, or not",
        tags,
        params: ofOrganisation,
        body: publicPageBody,
      },
    },
    async (request) =>
      choosePublicPage(
        db,
        await actors.require(request),
        request.params.organisationId,
        request.body.publicPage,
      ),
  );
  app.get(
    '/api/public/trust/:organisationId',
    {
      config: { rateLimits: [publicReading] },
      schema: {
        summary: "An organisation's published trust figures, quarter by quarter, for anyone",
        tags,
        params: ofOrganisation,
      },
    },
    async (request) => publicTrust(db, request.params.organisationId),
  );
}
