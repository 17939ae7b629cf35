// Adds up Vitest's JSON reports into the one closing line CI reads: "tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the run stopped before its tests finished)`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  // Worded unlike the closing line, so that only the closing line is read as the total.
  console.log(
    `${file}: passed ${report.numPassedTests}, failed ${report.numFailedTests}, ` +
      `not run ${report.numPendingTests + report.numTodoTests}`,
  );
  passed += report.numPassedTests;
  // A test that did not run counts against the run: every test must run and be able to fail.
  failed += report.numFailedTests + report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
