import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../shared/training/course.ts';
import { courseFile } from '../../../shared/training/course-file.ts';

// The starter curriculum as shipped: every file a valid course, in English and Spanish, with a
// branching scenario whose every path ends, a knowledge check and a reflection, and each of the
// topics the product promises covered.

const folder = fileURLToPath(new URL('./curriculum/', import.meta.url));
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

describe('the starter curriculum', () => {
  it.each(files)('%s is a whole course in English and Spanish', (name) => {
    const parsed = courseFile.safeParse(JSON.parse(readFileSync(`${folder}${name}`, 'utf8')));
    expect(parsed.error?.issues ?? []).toEqual([]);
    const { course, slug } = parsed.data ?? expect.unreachable();
    expect(`${slug}.json`).toBe(name);
    expect(checkCourse(course)).toEqual([]);
    expect(course.languages).toEqual(['en', 'es']);
    const steps = course.modules.flatMap((module) => module.lessons.flatMap((one) => one.steps));
    const kinds = new Set(steps.map((one) => one.type));
    expect(kinds).toContain('scenario');
    expect(kinds).toContain('check');
    expect(kinds).toContain('reflection');
    expect(course.scenarios.length).toBeGreaterThan(0);
    for (const scenario of course.scenarios) {
      // Several steps deep: some path passes at least two choices before it ends.
      expect(scenario.nodes.filter((node) => node.choices.length > 0).length).toBeGreaterThan(1);
    }
  });

  it('covers every topic the product promises', () => {
    const topics = files.map(
      (name) => courseFile.parse(JSON.parse(readFileSync(`${folder}${name}`, 'utf8'))).course.topic,
    );
    for (const topic of [
      'restorative_basics',
      'active_listening',
      'de_escalation',
      'procedural_justice',
      'trauma_informed',
      'community_policing',
      'circles',
    ]) {
      expect(topics).toContain(topic);
    }
  });
});
