import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findCycle,
  type GraphNode,
  type GraphScenario,
  scenarioProblems,
} from './scenario-graph.ts';

// The scenario graph's check against random graphs: it accepts exactly the graphs on which every
// walk from the start, whatever the choices, ends at an ending, with nothing unreachable; and
// names a field for each problem it finds.

/** A random graph over nodes n0..n(k-1): each node's choices lead anywhere, or to a bad id. */
const anyScenario: fc.Arbitrary<GraphScenario> = fc.integer({ min: 1, max: 8 }).chain((size) => {
  const ids = Array.from({ length: size }, (_, index) => `n${index}`);
  const target = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constant('nowhere') },
  );
  const node = (id: string): fc.Arbitrary<GraphNode> =>
    fc.record({
      id: fc.constant(id),
      choices: fc
        .array(target, { maxLength: 3 })
        .map((nexts) => nexts.map((next, index) => ({ id: `c${index}`, next }))),
      ending: fc.option(fc.constant('good'), { nil: undefined }),
      feedback: fc.option(fc.constant('well done'), { nil: undefined }),
    });
  return fc.record({
    start: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.constant('nowhere') },
    ),
    nodes: fc.tuple(...ids.map(node)),
  });
});

/** A graph that is right by construction: a tree grown from the start, its leaves endings. */
const goodScenario: fc.Arbitrary<GraphScenario> = fc
  .array(fc.nat(), { minLength: 1, maxLength: 12 })
  .map((parents) => {
    const nodes: GraphNode[] = [{ id: 'n0', choices: [] }];
    for (const [index, pick] of parents.entries()) {
      const parent = nodes[pick % nodes.length] as GraphNode;
      const id = `n${index + 1}`;
      (parent.choices as { id: string; next: string }[]).push({
        id: `c${parent.choices.length}`,
        next: id,
      });
      nodes.push({ id, choices: [] });
    }
    return {
      start: 'n0',
      nodes: nodes.map((node) =>
        node.choices.length === 0 ? { ...node, ending: 'good', feedback: 'well done' } : node,
      ),
    };
  });

/** Every walk from the start, by brute force: does each one reach an ending within `limit`? */
function everyWalkEnds(scenario: GraphScenario): boolean {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const limit = scenario.nodes.length + 1;
  const walk = (id: string, depth: number): boolean => {
    const node = byId.get(id);
    if (!node || depth > limit) return false;
    if (node.choices.length === 0) return node.ending !== undefined;
    return node.choices.every((choice) => walk(choice.next, depth + 1));
  };
  return walk(scenario.start, 0);
}

function everyNodeReached(scenario: GraphScenario): boolean {
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    for (const choice of scenario.nodes.find((node) => node.id === id)?.choices ?? []) {
      visit(choice.next);
    }
  };
  visit(scenario.start);
  return scenario.nodes.every((node) => reached.has(node.id));
}

const wellFormed = (scenario: GraphScenario) =>
  scenario.nodes.every(
    (node) =>
      node.choices.length > 0 !== (node.ending !== undefined) &&
      (node.ending === undefined || node.feedback !== undefined),
  );

describe('a scenario’s graph', () => {
  it('accepts every tree whose leaves are endings', () => {
    fc.assert(
      fc.property(goodScenario, (scenario) => {
        expect(scenarioProblems(scenario)).toEqual([]);
      }),
    );
  });

  it('accepts a random graph exactly when every walk ends and every situation is reached', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const problems = scenarioProblems(scenario);
        const right = everyWalkEnds(scenario) && everyNodeReached(scenario) && wellFormed(scenario);
        expect(problems.length === 0).toBe(right);
        if (problems.length === 0) accepted += 1;
        else refused += 1;
        for (const problem of problems) {
          expect(problem.field).toMatch(/^(start|nodes\.\d+(\.[a-z]+(\.\d+\.next)?)?)$/);
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2_000 },
    );
    // Both sides were put to the test.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('names the situations of a loop, in order', () => {
    const loop: GraphScenario = {
      start: 'desk',
      nodes: [
        { id: 'desk', choices: [{ id: 'a', next: 'wait' }] },
        {
          id: 'wait',
          choices: [
            { id: 'b', next: 'ask' },
            { id: 'c', next: 'end' },
          ],
        },
        { id: 'ask', choices: [{ id: 'd', next: 'wait' }] },
        { id: 'end', choices: [], ending: 'good', feedback: 'ok' },
      ],
    };
    expect(findCycle(loop)).toEqual(['wait', 'ask']);
    expect(scenarioProblems(loop)).toEqual([
      expect.objectContaining({ field: 'nodes.1', code: 'cycle' }),
    ]);
    expect(scenarioProblems(loop)[0]?.message).toContain('wait → ask → wait');
  });

  it('says where a choice leads nowhere and which situation no choice reaches', () => {
    const broken: GraphScenario = {
      start: 'stop',
      nodes: [
        {
          id: 'stop',
          choices: [
            { id: 'a', next: 'calm' },
            { id: 'b', next: 'shout' },
          ],
        },
        { id: 'calm', choices: [], ending: 'good', feedback: 'ok' },
        { id: 'lost', choices: [], ending: 'poor', feedback: 'ok' },
      ],
    };
    expect(scenarioProblems(broken).map((problem) => [problem.field, problem.code])).toEqual([
      ['nodes.0.choices.1.next', 'unknown_next'],
      ['nodes.2', 'unreachable'],
    ]);
  });
});
