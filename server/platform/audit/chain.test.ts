import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHAIN_START,
  type ChainedAuditFields,
  type ChainPosition,
  type ChainProblem,
  canonicalAuditText,
  checkChainEnd,
  checkChainRows,
  GENESIS_HASH,
  type StoredAuditEvent,
  sealAuditEvent,
} from './chain.ts';
import type { AuditDetails } from './schema.ts';

type EventContents = Omit<ChainedAuditFields, 'seq'>;

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const id = fc.string({ minLength: 1, maxLength: 12 });
const detailsArbitrary: fc.Arbitrary<AuditDetails> = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  ),
  { maxKeys: 4 },
);

const contentsArbitrary: fc.Arbitrary<EventContents> = fc.record({
  occurredAt: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms)),
  actorKind: fc.constantFrom('person', 'system', 'anonymous'),
  actorId: maybe(id),
  organisationId: maybe(id),
  action: fc.constantFrom('auth.sign_in', 'permission.denied', 'case.statement.read'),
  targetType: maybe(id),
  targetId: maybe(id),
  outcome: fc.constantFrom('allowed', 'denied', 'failed', 'succeeded'),
  requestId: maybe(id),
  ip: maybe(fc.ipV4()),
  details: detailsArbitrary,
});

function buildChain(contents: readonly EventContents[]): StoredAuditEvent[] {
  const rows: StoredAuditEvent[] = [];
  let previous: ChainPosition = CHAIN_START;
  for (const fields of contents) {
    const row = sealAuditEvent(previous, fields);
    rows.push(row);
    previous = { seq: row.seq, hash: row.hash };
  }
  return rows;
}

const endOf = (rows: readonly StoredAuditEvent[]): ChainPosition => {
  const last = rows.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : CHAIN_START;
};

/** What verification finds, as the database hands rows over: in seq order, up to the end. */
function firstProblem(
  rows: readonly StoredAuditEvent[],
  recordedEnd: ChainPosition,
): ChainProblem | undefined {
  const stored = [...rows].filter((row) => row.seq <= recordedEnd.seq);
  stored.sort((a, b) => a.seq - b.seq);
  const check = checkChainRows(CHAIN_START, stored);
  return check.problem ?? checkChainEnd(check.last, recordedEnd);
}

const otherText = (value: string | null) => (value === null ? 'x' : `${value}x`);
const flipHex = (hash: string) => (hash[0] === 'a' ? 'b' : 'a') + hash.slice(1);

// One change to one field of a stored row, for every field the row has.
const tamperings: Record<string, (row: StoredAuditEvent, chainLength: number) => void> = {
  seq: (row, chainLength) => {
    row.seq = chainLength + 1 + row.seq; // a free position: the table keeps seq unique
  },
  occurredAt: (row) => {
    row.occurredAt = new Date(row.occurredAt.getTime() + 1);
  },
  actorKind: (row) => {
    row.actorKind = row.actorKind === 'person' ? 'system' : 'person';
  },
  actorId: (row) => {
    row.actorId = otherText(row.actorId);
  },
  organisationId: (row) => {
    row.organisationId = otherText(row.organisationId);
  },
  action: (row) => {
    row.action = `${row.action}.x`;
  },
  targetType: (row) => {
    row.targetType = otherText(row.targetType);
  },
  targetId: (row) => {
    row.targetId = otherText(row.targetId);
  },
  outcome: (row) => {
    row.outcome = row.outcome === 'denied' ? 'allowed' : 'denied';
  },
  requestId: (row) => {
    row.requestId = otherText(row.requestId);
  },
  ip: (row) => {
    row.ip = otherText(row.ip);
  },
  details: (row) => {
    row.details = { ...row.details, tampered: row.details.tampered !== true };
  },
  prevHash: (row) => {
    row.prevHash = flipHex(row.prevHash);
  },
  hash: (row) => {
    row.hash = flipHex(row.hash);
  },
};

const chainArbitrary = fc.array(contentsArbitrary, { minLength: 1, maxLength: 20 });

describe('the audit hash chain', () => {
  it('verifies any sequence of events, from the genesis hash, numbered 1, 2, 3, ...', () => {
    fc.assert(
      fc.property(fc.array(contentsArbitrary, { maxLength: 20 }), (contents) => {
        const rows = buildChain(contents);
        expect(rows.map((row) => row.seq)).toEqual(contents.map((_, index) => index + 1));
        expect(rows[0]?.prevHash ?? GENESIS_HASH).toBe(GENESIS_HASH);
        const check = checkChainRows(CHAIN_START, rows);
        expect(check.problem).toBeUndefined();
        expect(check.checked).toBe(rows.length);
        expect(checkChainEnd(check.last, endOf(rows))).toBeUndefined();
      }),
    );
  });

  it('finds a change to any field of any one event at exactly that event', () => {
    fc.assert(
      fc.property(
        chainArbitrary,
        fc.nat(),
        fc.constantFrom(...Object.keys(tamperings)),
        (contents, pick, field) => {
          const rows = buildChain(contents);
          const recordedEnd = endOf(rows);
          const target = rows[pick % rows.length] as StoredAuditEvent;
          const position = target.seq;
          tamperings[field]?.(target, rows.length);
          expect(firstProblem(rows, recordedEnd)?.seq).toBe(position);
        },
      ),
    );
  });

  it('finds any one deleted event at exactly its position, the last one included', () => {
    fc.assert(
      fc.property(chainArbitrary, fc.nat(), (contents, pick) => {
        const rows = buildChain(contents);
        const recordedEnd = endOf(rows);
        const [removed] = rows.splice(pick % rows.length, 1);
        expect(firstProblem(rows, recordedEnd)).toMatchObject({
          kind: 'missing',
          seq: removed?.seq,
        });
      }),
    );
  });

  it('serialises details the same whatever the order of their keys', () => {
    fc.assert(
      fc.property(contentsArbitrary, (contents) => {
        const reversed = Object.fromEntries(Object.entries(contents.details).reverse());
        const event = { ...contents, seq: 1 };
        expect(canonicalAuditText({ ...event, details: reversed }, GENESIS_HASH)).toBe(
          canonicalAuditText(event, GENESIS_HASH),
        );
      }),
    );
  });

  it('keeps nulls apart from absent values and from the text "null"', () => {
    const [contents] = fc.sample(contentsArbitrary, { numRuns: 1, seed: 7 });
    const event = { ...(contents as EventContents), seq: 1, details: {} };
    const texts = new Set([
      canonicalAuditText({ ...event, targetId: null, targetType: null }, GENESIS_HASH),
      canonicalAuditText({ ...event, targetId: 'null', targetType: 'null' }, GENESIS_HASH),
      canonicalAuditText({ ...event, details: { note: null } }, GENESIS_HASH),
    ]);
    expect(texts.size).toBe(3);
  });
});

describe('what verification tells an operator', () => {
  const rows = () =>
    buildChain(fc.sample(contentsArbitrary, { numRuns: 1_300, seed: 42 }) as EventContents[]);

  it('names an altered event by its number', () => {
    const chain = rows();
    (chain[1_233] as StoredAuditEvent).outcome = 'succeeded';
    (chain[1_233] as StoredAuditEvent).action = 'case.statement.export';
    expect(firstProblem(chain, endOf(chain))).toEqual({
      kind: 'altered',
      seq: 1_234,
      message: 'event 1,234 was altered (its contents no longer match its hash)',
    });
  });

  it('names a removed event and the events around it', () => {
    const chain = rows();
    chain.splice(56, 2);
    expect(firstProblem(chain, endOf(chain))).toMatchObject({
      kind: 'missing',
      seq: 57,
      message: 'event 57 is missing (the trail goes from event 56 to event 59)',
    });
  });

  it('names events removed from the end of the trail', () => {
    const chain = rows();
    const recordedEnd = endOf(chain);
    chain.splice(-3, 3);
    expect(firstProblem(chain, recordedEnd)).toEqual({
      kind: 'missing',
      seq: 1_298,
      message:
        'event 1,298 is missing (the trail ends at event 1,297, but it was recorded up to event 1,300)',
    });
  });

  it('sees an event replaced by a forgery with a valid hash of its own', () => {
    const chain = rows();
    const original = chain[9] as StoredAuditEvent;
    const previous = chain[8] as StoredAuditEvent;
    chain[9] = sealAuditEvent(
      { seq: previous.seq, hash: previous.hash },
      { ...original, outcome: 'denied', action: 'permission.denied' },
    );
    expect(firstProblem(chain, endOf(rows()))).toEqual({
      kind: 'missing',
      seq: 11,
      message: 'event 11 no longer links to event 10 (an event there was removed or replaced)',
    });
  });

  it('sees an event that appears twice, out of order', () => {
    const chain = rows().slice(0, 3);
    const check = checkChainRows(CHAIN_START, [...chain, chain[1] as StoredAuditEvent]);
    expect(check.checked).toBe(3);
    expect(check.problem).toMatchObject({ kind: 'reordered', seq: 2 });
    expect(check.problem?.message).toBe('event 2 is out of order (it comes after event 3)');
  });
});
