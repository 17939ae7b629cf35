import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/training/course.ts';
import { scenarioMap, shortened } from './editor-graph.ts';

// The scenario's map: situations by depth, and what would be refused marked where it is.

const words = (text: string) => ({ en: text });

function scenario(nodes: Scenario['nodes']): Scenario {
  return { id: 'stop', title: words('A stop'), start: 'start', nodes };
}

const choice = (id: string, next: string) => ({
  id,
  label: words(`Go to ${next}`),
  consequence: words('Then'),
  next,
  quality: 'good' as const,
});

const ending = (id: string) => ({
  id,
  situation: words(`The end ${id}`),
  choices: [],
  ending: 'good' as const,
  feedback: words('Well done'),
});

describe('the scenario map', () => {
  it('should lay out situations by the fewest choices from the start, with nothing marked when whole', () => {
    const map = scenarioMap(
      scenario([
        {
          id: 'start',
          situation: words('A car stops'),
          choices: [choice('a', 'talk'), choice('b', 'calm')],
        },
        { id: 'talk', situation: words('You talk'), choices: [choice('c', 'calm')] },
        ending('calm'),
      ]),
    );
    expect(map.levels.map((level) => level.map((node) => node.id))).toEqual([
      ['start'],
      ['talk', 'calm'],
    ]);
    expect(map.problems).toEqual([]);
    expect(map.levels[0]?.[0]?.marks).toEqual(['start']);
  });

  it('should mark a choice that leads back to its own situation as a loop', () => {
    const map = scenarioMap(
      scenario([
        {
          id: 'start',
          situation: words('A car stops'),
          choices: [choice('a', 'end'), choice('again', 'start')],
        },
        ending('end'),
      ]),
    );
    expect(map.loop).toEqual(['start']);
    expect(map.levels[0]?.[0]?.marks).toContain('loop');
    const loopChoice = map.levels[0]?.[0]?.choices.find((one) => one.id === 'again');
    expect(loopChoice?.closesLoop).toBe(true);
    expect(map.problems.map((problem) => problem.code)).toContain('cycle');
  });

  it('should set apart a situation no choice reaches, and mark a dead end', () => {
    const map = scenarioMap(
      scenario([
        { id: 'start', situation: words('A car stops'), choices: [choice('a', 'stuck')] },
        { id: 'stuck', situation: words('Nothing to do'), choices: [] },
        ending('lost'),
      ]),
    );
    expect(map.unreachable.map((node) => node.id)).toEqual(['lost']);
    expect(map.unreachable[0]?.marks).toContain('unreachable');
    expect(map.levels[1]?.[0]?.marks).toContain('dead_end');
  });

  it('should mark a choice that leads to no situation', () => {
    const map = scenarioMap(
      scenario([
        {
          id: 'start',
          situation: words('A car stops'),
          choices: [choice('a', 'gone'), choice('b', 'end')],
        },
        ending('end'),
      ]),
    );
    expect(map.levels[0]?.[0]?.choices[0]?.missing).toBe(true);
  });

  it('should shorten a long text at a word', () => {
    expect(shortened('one two three four', 10)).toBe('one two…');
    expect(shortened('short')).toBe('short');
    expect(shortened('It was hard. Then it was fine.', 13)).toBe('It was hard…');
  });
});
