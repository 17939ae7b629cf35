import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../server/config.ts';
import { analyseDialogue } from '../../shared/dialogues/analysis.ts';
import { voteMatrix } from '../../shared/dialogues/matrix.ts';
import { adjustedRandIndex } from '../../shared/dialogues/opinion-groups.ts';
import {
  POLIS_ATTRIBUTION,
  PolisFormatError,
  readPolisExport,
} from '../../shared/dialogues/polis.ts';
import { importPolisCommand, importUsage } from './dialogues-import.ts';

// `restorativ dialogues import-polis` (dialogues-import.ts) stores an export in the database.
// `restorativ dialogues analyse-polis DIR [--json]`: the offline analysis of a Pol.is export for
// researchers, with no database: the opinion groups (participant ids per group), each
// statement's group-aware consensus, the common-ground statement ids, and how closely our groups
// match Pol.is's own (adjusted Rand index) when participants-votes.csv is there. Statements the
// moderators rejected are not analysed.

export interface PolisReport {
  source: string;
  attribution: string;
  participants: number;
  grouped: number;
  k: number;
  silhouette: number;
  opinionGroups: { id: number; participants: string[] }[];
  statements: {
    id: string;
    text: string;
    consensus: number;
    agree: number;
    disagree: number;
    pass: number;
  }[];
  commonGround: string[];
  divisive: string[];
  /** Against participants-votes.csv, when the export has it. */
  polisGroups: { adjustedRandIndex: number; comparedParticipants: number } | null;
}

export function analysePolisFolder(folder: string): PolisReport {
  const file = (name: string) => path.join(folder, name);
  const exported = readPolisExport({
    comments: readFileSync(file('comments.csv'), 'utf8'),
    votes: readFileSync(file('votes.csv'), 'utf8'),
    ...(existsSync(file('participants-votes.csv'))
      ? { participantsVotes: readFileSync(file('participants-votes.csv'), 'utf8') }
      : {}),
  });
  // Statements the conversation's moderators rejected are left out, as Pol.is leaves them out.
  const kept = exported.statements.filter((statement) => statement.moderated !== -1);
  const analysis = analyseDialogue(
    voteMatrix(
      exported.votes,
      kept.map((statement) => statement.id),
    ),
  );
  const ours = new Map(
    analysis.opinionGroups.flatMap((group) => group.members.map((id) => [id, group.id] as const)),
  );
  const compared = [...exported.polisGroups.keys()].filter((id) => ours.has(id));
  const textOf = new Map(exported.statements.map((statement) => [statement.id, statement.text]));
  return {
    source: path.resolve(folder),
    attribution: POLIS_ATTRIBUTION,
    participants: analysis.participants,
    grouped: analysis.grouped,
    k: analysis.k,
    silhouette: analysis.silhouette,
    opinionGroups: analysis.opinionGroups.map((group) => ({
      id: group.id,
      participants: group.members,
    })),
    statements: analysis.statements.map((result) => ({
      id: result.statement,
      text: textOf.get(result.statement) ?? '',
      consensus: result.consensus,
      agree: result.overall.agree,
      disagree: result.overall.disagree,
      pass: result.overall.pass,
    })),
    commonGround: analysis.commonGround,
    divisive: analysis.divisive,
    polisGroups:
      compared.length > 0
        ? {
            adjustedRandIndex: adjustedRandIndex(
              compared.map((id) => ours.get(id) ?? -1),
              compared.map((id) => exported.polisGroups.get(id) ?? -1),
            ),
            comparedParticipants: compared.length,
          }
        : null,
  };
}

function summary(report: PolisReport): string {
  const top = [...report.statements].sort((a, b) => b.consensus - a.consensus).slice(0, 5);
  return [
    `${report.participants} participants, ${report.grouped} placed in ${report.k} opinion groups (silhouette ${report.silhouette.toFixed(2)}).`,
    ...report.opinionGroups.map(
      (group) => `  group ${group.id}: ${group.participants.length} participants`,
    ),
    report.polisGroups
      ? `Against Pol.is's own groups: adjusted Rand index ${report.polisGroups.adjustedRandIndex.toFixed(3)} over ${report.polisGroups.comparedParticipants} participants.`
      : 'The export has no participants-votes.csv to compare with.',
    `Common ground: ${report.commonGround.length > 0 ? report.commonGround.join(', ') : 'none'}.`,
    'Highest group-aware consensus:',
    ...top.map(
      (statement) =>
        `  ${statement.id} (${statement.consensus.toFixed(3)}): ${statement.text.replace(/\s+/g, ' ').trim()}`,
    ),
    '',
    report.attribution,
  ].join('\n');
}

const usage = `Usage: restorativ dialogues analyse-polis DIR [--json]\n       ${importUsage.replace('Usage: ', '')}`;

export interface DialoguesOptions {
  json: boolean;
  program?: string;
  title?: string;
  /** The settings, read only by the subcommands that open the database. */
  config(): Config;
}

export async function dialoguesCommand(args: string[], options: DialoguesOptions): Promise<number> {
  const [subcommand, folder, ...extra] = args;
  if (subcommand === 'import-polis' && folder && extra.length === 0) {
    return importPolisCommand(options.config(), folder, options);
  }
  if (subcommand !== 'analyse-polis' || !folder || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  return analysePolisCommand(folder, options.json);
}

function analysePolisCommand(folder: string, json: boolean): number {
  if (
    !existsSync(path.join(folder, 'comments.csv')) ||
    !existsSync(path.join(folder, 'votes.csv'))
  ) {
    console.error(
      `${folder} does not hold a Pol.is export: comments.csv and votes.csv are needed.`,
    );
    return 2;
  }
  try {
    const report = analysePolisFolder(folder);
    console.log(json ? JSON.stringify(report, null, 2) : summary(report));
    return 0;
  } catch (error) {
    if (error instanceof PolisFormatError) {
      console.error(`This export cannot be read: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
