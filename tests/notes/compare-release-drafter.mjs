// Parity: every case of parity-cases.json goes through Release Drafter's own generator
// (run-release-drafter.mjs) and through Mainstay's (the notes_generate executable); the bodies,
// tags, names and resolved versions must be equal byte for byte.
//
//   node tests/notes/compare-release-drafter.mjs <notes_generate executable> [cases.json]
//
// Prints a line diff (with JSON-escaped lines, so whitespace shows) for every case that differs.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseDrafterAvailable, runReleaseDrafter } from './run-release-drafter.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20)
  fail(`Node.js ${process.versions.node} is too old; the tests need Node.js >= 20.`);
if (!releaseDrafterAvailable())
  fail('release-drafter-github-app is not installed in tests/npm/node_modules. Run `npm ci` in tests/npm.');
const executable = process.argv[2];
if (!executable || !existsSync(executable))
  fail(`usage: compare-release-drafter.mjs <notes_generate executable> [cases.json] (got "${executable ?? ''}")`);
const casesFile = process.argv[3] ?? join(here, 'parity-cases.json');
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
if (!Array.isArray(cases) || cases.length === 0)
  fail(`${casesFile} holds no cases`);

// A minimal line diff: the common prefix and suffix, then what differs.
function diff(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) ++start;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { --endA; --endB; }
  const out = [`@@ line ${start + 1} @@`];
  for (let i = Math.max(0, start - 2); i < start; ++i) out.push(`  ${JSON.stringify(a[i])}`);
  for (let i = start; i < endA; ++i) out.push(`- ${JSON.stringify(a[i])}   (Release Drafter)`);
  for (let i = start; i < endB; ++i) out.push(`+ ${JSON.stringify(b[i])}   (Mainstay)`);
  for (let i = endA; i < Math.min(a.length, endA + 2); ++i) out.push(`  ${JSON.stringify(a[i])}`);
  return out.join('\n');
}

let failures = 0;
const names = new Set();
for (const testCase of cases) {
  const name = testCase.name ?? '(unnamed)';
  if (names.has(name)) fail(`duplicate case name "${name}"`);
  names.add(name);
  let expected;
  try {
    expected = runReleaseDrafter(testCase);
  } catch (error) {
    console.error(`FAIL ${name}: Release Drafter rejected the case: ${error.message}`);
    ++failures;
    continue;
  }
  const run = spawnSync(executable, [], { input: JSON.stringify(testCase), encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`FAIL ${name}: notes_generate exited with ${run.status}: ${run.stderr}`);
    ++failures;
    continue;
  }
  const actual = JSON.parse(run.stdout);
  if (actual.error) {
    console.error(`FAIL ${name}: Mainstay rejected the configuration:\n${actual.error}`);
    ++failures;
    continue;
  }
  const problems = [];
  for (const key of ['tag', 'name', 'resolvedVersion'])
    if (String(expected[key]) !== actual[key])
      problems.push(`${key}: Release Drafter ${JSON.stringify(expected[key])}, Mainstay ${JSON.stringify(actual[key])}`);
  if (expected.body !== actual.body)
    problems.push(`body differs:\n${diff(expected.body, actual.body)}`);
  if (!actual.markedStrips)
    problems.push('the marked body does not strip back to the body');
  if (testCase.expectMarkers !== false && !actual.marked)
    problems.push('the marked body carries no markers');
  if (problems.length) {
    ++failures;
    console.error(`FAIL ${name}\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`ok   ${name}`);
  }
}
if (failures) {
  console.error(`${failures} of ${cases.length} cases differ from Release Drafter 6.1.0`);
  process.exit(1);
}
console.log(`all ${cases.length} cases equal Release Drafter 6.1.0 byte for byte`);
