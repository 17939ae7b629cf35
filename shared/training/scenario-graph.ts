// A branching scenario is a graph: situations (nodes), each with choices that lead to another
// node, and endings (nodes with no choices) that say how it went. A learner must always reach an
// ending, whatever they choose, so a scenario is accepted only when:
// - its start is one of its nodes, and every choice leads to one of its nodes;
// - every node can be reached from the start (nothing authored is lost);
// - there is no cycle (a path that never ends), so that every path ends at an ending;
// - a node has choices or is an ending with its outcome and feedback, not both, not neither.
// The problems name the field, so that the authoring form can put the message where it belongs.

export interface GraphNode {
  id: string;
  choices: readonly { id: string; next: string }[];
  ending?: string | undefined;
  feedback?: unknown;
}

export interface GraphScenario {
  start: string;
  nodes: readonly GraphNode[];
}

export interface GraphProblem {
  /** Relative to the scenario: "start", "nodes.2", "nodes.2.choices.1.next". */
  field: string;
  message: string;
  code:
    | 'unknown_start'
    | 'unknown_next'
    | 'duplicate_node'
    | 'unreachable'
    | 'cycle'
    | 'ending_with_choices'
    | 'dead_end'
    | 'ending_without_feedback';
}

/** The nodes reachable from the start, in the order a walk first meets them. */
export function reachableFrom(scenario: GraphScenario): string[] {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const order: string[] = [];
  const stack = byId.has(scenario.start) ? [scenario.start] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    const node = byId.get(id);
    for (const choice of [...(node?.choices ?? [])].reverse()) {
      if (byId.has(choice.next) && !seen.has(choice.next)) stack.push(choice.next);
    }
  }
  return order;
}

/** One cycle's nodes, in order, if the graph has one among the nodes reachable from `start`. */
export function findCycle(scenario: GraphScenario): string[] | null {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    path.push(id);
    for (const choice of byId.get(id)?.choices ?? []) {
      if (!byId.has(choice.next)) continue;
      const seen = state.get(choice.next);
      if (seen === 'open') return path.slice(path.indexOf(choice.next));
      if (seen === undefined) {
        const found = visit(choice.next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const node of scenario.nodes) {
    if (state.has(node.id)) continue;
    const found = visit(node.id);
    if (found) return found;
  }
  return null;
}

export function scenarioProblems(scenario: GraphScenario): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const ids = new Set<string>();
  for (const [n, node] of scenario.nodes.entries()) {
    if (ids.has(node.id)) {
      problems.push({
        field: `nodes.${n}.id`,
        message: `Two situations have the id “${node.id}”: give each its own.`,
        code: 'duplicate_node',
      });
    }
    ids.add(node.id);
  }
  if (!ids.has(scenario.start)) {
    problems.push({
      field: 'start',
      message: `The scenario starts at “${scenario.start}”, which is none of its situations.`,
      code: 'unknown_start',
    });
  }
  for (const [n, node] of scenario.nodes.entries()) {
    for (const [c, choice] of node.choices.entries()) {
      if (!ids.has(choice.next)) {
        problems.push({
          field: `nodes.${n}.choices.${c}.next`,
          message: `This choice leads to “${choice.next}”, which is none of the scenario’s situations.`,
          code: 'unknown_next',
        });
      }
    }
    if (node.choices.length > 0 && node.ending !== undefined) {
      problems.push({
        field: `nodes.${n}`,
        message: 'A situation with choices is not an ending: remove its outcome or its choices.',
        code: 'ending_with_choices',
      });
    }
    if (node.choices.length === 0 && node.ending === undefined) {
      problems.push({
        field: `nodes.${n}`,
        message:
          'This situation has no choices and is not an ending: add a choice, or say how it ends.',
        code: 'dead_end',
      });
    }
    if (node.ending !== undefined && node.feedback === undefined) {
      problems.push({
        field: `nodes.${n}.feedback`,
        message: 'Say what the learner should take from this ending.',
        code: 'ending_without_feedback',
      });
    }
  }
  const reachable = new Set(reachableFrom(scenario));
  if (ids.has(scenario.start)) {
    for (const [n, node] of scenario.nodes.entries()) {
      if (!reachable.has(node.id)) {
        problems.push({
          field: `nodes.${n}`,
          message: `No choice leads to “${node.id}” from the start: link it, or remove it.`,
          code: 'unreachable',
        });
      }
    }
  }
  const cycle = findCycle(scenario);
  if (cycle) {
    const first = scenario.nodes.findIndex((node) => node.id === cycle[0]);
    problems.push({
      field: `nodes.${first}`,
      message: `These situations lead back to each other, so a learner could go round forever: ${[...cycle, cycle[0]].join(' → ')}.`,
      code: 'cycle',
    });
  }
  return problems;
}
