import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CourseFile, courseFile } from '../../../shared/training/course-file.ts';

// The starter curriculum this project writes and ships, one course file each in curriculum/:
// restorative justice basics, active listening, de-escalation, procedural justice,
// trauma-informed and community-centred policing, and preparing for and taking part in a
// circle. Each is in English and Spanish and has at least one branching scenario.

const folder = fileURLToPath(new URL('./curriculum/', import.meta.url));

export function starterCurriculum(): CourseFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => courseFile.parse(JSON.parse(readFileSync(`${folder}${name}`, 'utf8'))));
}
