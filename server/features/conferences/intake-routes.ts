import {
  referralBody,
  referralPreviewBody,
  referralStatusBody,
  saveSettingsBody,
} from '../../../shared/conferences/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { registerCaseRoutes } from './case-routes.ts';
import { inProgram, tags } from './params.ts';
import { previewReferral, referralStatus, submitReferral } from './referral.ts';
import { newReferralLink, readSettings, saveSettings } from './settings.ts';

// Intake: a program's settings and referral link, the public referral and its status link, and
// (case-routes.ts) the board, a case, its workflow steps and its team.

// A referral or status link is a secret that must not be guessed: limited by address like the
// invitation and join links. Each referral also writes emails to the coordinators, so that no
// one address can flood them: a few an hour, as the register's subscription form allows.
const referralLinkUse: RateRule = {
  name: 'conference-link',
  max: 60,
  perMinutes: 15,
  by: 'address',
};
const referralsSent: RateRule = {
  name: 'conference-referral',
  max: 10,
  perMinutes: 60,
  by: 'address',
};

export function registerIntakeRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/conference-settings',
    {
      schema: {
        summary: "A program's conference settings: misconduct or not, eligibility rules, script",
        tags,
        params: inProgram,
      },
    },
    async (request) => readSettings(db, await actors.require(request), request.params.programId),
  );
  app.put(
    '/api/programs/:programId/conference-settings',
    {
      schema: {
        summary: 'Save the settings; no rules given means the default rules of the kind of program',
        tags,
        params: inProgram,
        body: saveSettingsBody,
      },
    },
    async (request) =>
      saveSettings(db, await actors.require(request), request.params.programId, request.body),
  );
  app.post(
    '/api/programs/:programId/conference-settings/referral-link',
    {
      schema: {
        summary: 'Make the public referral link (shown once; a new one ends the old one)',
        tags,
        params: inProgram,
      },
    },
    async (request, reply) => {
      const link = await newReferralLink(
        context,
        await actors.require(request),
        request.params.programId,
      );
      return reply.code(201).header('cache-control', 'no-store').send(link);
    },
  );
  app.post(
    '/api/conference-referral/preview',
    {
      config: { rateLimits: [referralLinkUse] },
      schema: {
        summary: 'What a referral link opens: the program and its kinds of harm',
        tags,
        body: referralPreviewBody,
      },
    },
    async (request) => previewReferral(db, request.body.token),
  );
  app.post(
    '/api/conference-referral',
    {
      config: { rateLimits: [referralLinkUse, referralsSent] },
      schema: {
        summary: 'Refer a case by a program’s link, with no account; answers its status link once',
        tags,
        body: referralBody,
      },
    },
    async (request, reply) => {
      const receipt = await submitReferral(context, request.body);
      return reply.code(201).header('cache-control', 'no-store').send(receipt);
    },
  );
  app.post(
    '/api/conference-referral/status',
    {
      config: { rateLimits: [referralLinkUse] },
      schema: {
        summary:
          'A referrer’s view of their case: received, in progress or closed, and the outcome',
        tags,
        body: referralStatusBody,
      },
    },
    async (request, reply) => {
      const status = await referralStatus(context, request.body.token);
      return reply.header('cache-control', 'no-store').send(status);
    },
  );
  registerCaseRoutes(app, context, actors);
}
