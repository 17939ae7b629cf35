import type { Scenario, ScenarioNode } from '../../../shared/training/course.ts';

/**
 * A scenario's situations as a reader meets them: the start first, then each situation in the
 * order the choices reach it, then any no choice reaches (an author's draft may have some).
 */
export function situationsInOrder(scenario: Scenario): ScenarioNode[] {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const ordered: ScenarioNode[] = [];
  const queue = [scenario.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    ordered.push(node);
    queue.push(...node.choices.map((choice) => choice.next));
  }
  return [...ordered, ...scenario.nodes.filter((node) => !seen.has(node.id))];
}
