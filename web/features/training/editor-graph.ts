import type { Outcome, Scenario, Translated } from '../../../shared/training/course.ts';
import {
  findCycle,
  type GraphProblem,
  scenarioProblems,
} from '../../../shared/training/scenario-graph.ts';

// The map of a scenario an author sees while writing it: its situations laid out by how many
// choices from the start they are, each choice with where it leads, and what the server would
// refuse (a dead end, a loop, a situation no choice reaches) marked on the situation it is
// about, from the same shared rules the server checks a save with.

export type NodeMark =
  | 'start'
  | 'dead_end'
  | 'unreachable'
  | 'loop'
  | 'ending_with_choices'
  | 'duplicate';

export interface MapChoice {
  id: string;
  label: Translated;
  quality: Outcome;
  next: string;
  /** Leads to no situation of the scenario. */
  missing: boolean;
  /** Part of a loop: it leads back to where a learner has been. */
  closesLoop: boolean;
}

export interface MapNode {
  id: string;
  /** Its place in the scenario's list of situations, for the form's field names. */
  index: number;
  situation: Translated;
  ending: Outcome | undefined;
  marks: NodeMark[];
  choices: MapChoice[];
}

export interface ScenarioMap {
  /** Situations by depth: the start alone, then those one choice away, and so on. */
  levels: MapNode[][];
  /** Situations no path from the start reaches. */
  unreachable: MapNode[];
  /** The situations of one loop in order, when there is one. */
  loop: string[] | null;
  problems: GraphProblem[];
}

/** The node index a problem's field names ("nodes.3", "nodes.3.feedback"), if it names one. */
export function nodeIndexOf(field: string): number | undefined {
  const match = /^nodes\.(\d+)(?:\.|$)/.exec(field);
  return match ? Number(match[1]) : undefined;
}

const markOf: Partial<Record<GraphProblem['code'], NodeMark>> = {
  dead_end: 'dead_end',
  unreachable: 'unreachable',
  ending_with_choices: 'ending_with_choices',
  duplicate_node: 'duplicate',
};

export function scenarioMap(scenario: Scenario): ScenarioMap {
  const problems = scenarioProblems(scenario);
  const loop = findCycle(scenario);
  const loopEdges = new Set(
    (loop ?? []).map((id, at) => `${id}\u0000${loop?.[(at + 1) % loop.length] ?? id}`),
  );
  const ids = new Set(scenario.nodes.map((node) => node.id));
  const marks = new Map<number, Set<NodeMark>>();
  const mark = (index: number, what: NodeMark) => {
    const set = marks.get(index) ?? new Set<NodeMark>();
    set.add(what);
    marks.set(index, set);
  };
  for (const problem of problems) {
    const index = nodeIndexOf(problem.field);
    const what = markOf[problem.code];
    if (index !== undefined && what) mark(index, what);
  }
  for (const [index, node] of scenario.nodes.entries()) {
    if (node.id === scenario.start) mark(index, 'start');
    if (loop?.includes(node.id)) mark(index, 'loop');
  }
  const mapNodes = scenario.nodes.map(
    (node, index): MapNode => ({
      id: node.id,
      index,
      situation: node.situation,
      ending: node.ending,
      marks: [...(marks.get(index) ?? [])],
      choices: node.choices.map((choice) => ({
        id: choice.id,
        label: choice.label,
        quality: choice.quality,
        next: choice.next,
        missing: !ids.has(choice.next),
        closesLoop: loopEdges.has(`${node.id}\u0000${choice.next}`),
      })),
    }),
  );
  // Depth by the fewest choices from the start; the first of two nodes sharing an id stands.
  const firstById = new Map<string, MapNode>();
  for (const node of mapNodes) if (!firstById.has(node.id)) firstById.set(node.id, node);
  const depth = new Map<string, number>();
  const levels: MapNode[][] = [];
  let frontier = firstById.has(scenario.start) ? [scenario.start] : [];
  if (frontier.length > 0) depth.set(scenario.start, 0);
  while (frontier.length > 0) {
    const level = frontier.flatMap((id) => firstById.get(id) ?? []);
    levels.push(level);
    const next: string[] = [];
    for (const node of level) {
      for (const choice of node.choices) {
        if (!choice.missing && !depth.has(choice.next)) {
          depth.set(choice.next, levels.length);
          next.push(choice.next);
        }
      }
    }
    frontier = next;
  }
  const placed = new Set(levels.flat());
  return {
    levels,
    unreachable: mapNodes.filter((node) => !placed.has(node)),
    loop,
    problems,
  };
}

/** The first words of a text, for a map that has room for a line. */
export function shortened(text: string, most = 90): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= most) return plain;
  const cut = plain.slice(0, most);
  const space = cut.lastIndexOf(' ');
  return `${(space > most / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}
