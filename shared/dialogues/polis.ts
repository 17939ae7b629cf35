import type { Vote, VoteRecord } from './matrix.ts';

// A Pol.is conversation export, read without touching a disk (the caller hands over the text of
// each file): comments.csv (the statements), votes.csv (each vote, in time order) and, when it is
// there, participants-votes.csv (Pol.is's own opinion group of each participant, which a
// researcher compares ours with). Every problem names the file, the line and what is wrong.
// Pol.is open data is CC BY 4.0 with attribution to The Computational Democracy Project: an
// imported dialogue keeps that attribution.

export const POLIS_ATTRIBUTION =
  'Data gathered using the Polis software (compdemocracy.org/polis), sub-licensed under CC BY 4.0 with attribution to The Computational Democracy Project.';

export interface PolisStatement {
  id: string;
  authorId: string;
  text: string;
  /** Pol.is moderation: 1 accepted, 0 unmoderated, -1 rejected. */
  moderated: -1 | 0 | 1;
  createdAt: Date;
}

export interface PolisExport {
  statements: PolisStatement[];
  votes: (VoteRecord & { at: Date })[];
  /** Pol.is's opinion group per participant id, for those it placed in one. */
  polisGroups: Map<string, number>;
}

export class PolisFormatError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, detail: string) {
    super(`${file}, line ${line}: ${detail}`);
    this.file = file;
    this.line = line;
  }
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => !(cells.length === 1 && cells[0] === ''));
}

/** Rows as records by their header, each with its line number (the header is line 1). */
function records(file: string, text: string, needed: readonly string[]) {
  const [header, ...rows] = csvRows(text);
  if (!header) throw new PolisFormatError(file, 1, 'the file is empty.');
  const missing = needed.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new PolisFormatError(file, 1, `the column ${missing.join(', ')} is missing.`);
  }
  return rows.map((cells, index) => ({
    line: index + 2,
    get: (column: string) => cells[header.indexOf(column)] ?? '',
  }));
}

function integer(file: string, line: number, column: string, value: string): number {
  if (!/^-?\d+$/.test(value.trim())) {
    throw new PolisFormatError(file, line, `${column} should be a whole number, not "${value}".`);
  }
  return Number(value);
}

const voteOf: Record<string, Vote> = { '1': 1, '-1': -1, '0': 0 };

export function readPolisExport(files: {
  comments: string;
  votes: string;
  participantsVotes?: string;
}): PolisExport {
  const statements = records('comments.csv', files.comments, [
    'timestamp',
    'comment-id',
    'author-id',
    'moderated',
    'comment-body',
  ]).map(({ line, get }): PolisStatement => {
    const moderated = integer('comments.csv', line, 'moderated', get('moderated'));
    if (moderated < -1 || moderated > 1) {
      throw new PolisFormatError('comments.csv', line, 'moderated should be -1, 0 or 1.');
    }
    return {
      id: String(integer('comments.csv', line, 'comment-id', get('comment-id'))),
      authorId: String(integer('comments.csv', line, 'author-id', get('author-id'))),
      text: get('comment-body'),
      moderated: moderated as PolisStatement['moderated'],
      createdAt: new Date(integer('comments.csv', line, 'timestamp', get('timestamp'))),
    };
  });
  const known = new Set(statements.map((statement) => statement.id));
  const votes = records('votes.csv', files.votes, ['timestamp', 'comment-id', 'voter-id', 'vote'])
    .map(({ line, get }) => {
      const statement = String(integer('votes.csv', line, 'comment-id', get('comment-id')));
      if (!known.has(statement)) {
        throw new PolisFormatError(
          'votes.csv',
          line,
          `comment ${statement} is not in comments.csv.`,
        );
      }
      const vote = voteOf[get('vote').trim()];
      if (vote === undefined) {
        throw new PolisFormatError('votes.csv', line, 'vote should be 1, -1 or 0.');
      }
      return {
        participant: String(integer('votes.csv', line, 'voter-id', get('voter-id'))),
        statement,
        vote,
        at: new Date(integer('votes.csv', line, 'timestamp', get('timestamp'))),
      };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const polisGroups = new Map<string, number>();
  if (files.participantsVotes !== undefined) {
    for (const { line, get } of records('participants-votes.csv', files.participantsVotes, [
      'participant',
      'group-id',
    ])) {
      const group = get('group-id').trim();
      if (group === '') continue;
      polisGroups.set(
        String(integer('participants-votes.csv', line, 'participant', get('participant'))),
        integer('participants-votes.csv', line, 'group-id', group),
      );
    }
  }
  return { statements, votes, polisGroups };
}
