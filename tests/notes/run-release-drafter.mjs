// Runs Release Drafter's own note generator (release-drafter-github-app@6.1.0, pinned in
// tests/npm) offline on one hand-made input and prints what it would write.
//
//   node tests/notes/run-release-drafter.mjs <case.json> [--json]
//   node tests/notes/run-release-drafter.mjs --batch <cases.json>
//
// case.json: {
//   "config": "<release-drafter.yml text>",
//   "owner": "o", "repo": "r",
//   "lastRelease": {"tag_name": "v1.2.3", "name": "v1.2.3"} | null,
//   "version": "1.4.0" (optional),
//   "pullRequests": [{"number": 1, "title": "…", "body": "…", "url": "…",
//                     "mergedAt": "2026-01-02T03:04:05Z", "labels": ["bug"],
//                     "author": {"login": "a", "__typename": "User", "url": "…"} | null,
//                     "baseRefName": "main", "headRefName": "b"}],
//   "commits": [{"author": {"name": "A", "user": {"login": "a"} | null}}]
// }
// Prints the body (or, with --json, {body, tag, name, resolvedVersion}).
// --batch reads an array of cases and prints one JSON array with, for each case in order,
// {body, tag, name, resolvedVersion} or {error} when Release Drafter rejects the case (its
// schema throws): one process for a whole fuzz run.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..', 'npm', 'node_modules', 'release-drafter-github-app');

export function releaseDrafterAvailable() {
  return existsSync(join(packageDir, 'package.json'));
}

let modules;
function load() {
  if (modules)
    return modules;
  const require = createRequire(join(packageDir, 'index.js'));
  // Release Drafter logs through @actions/core; keep its debug lines off stdout.
  process.env.RUNNER_DEBUG = '';
  modules = {
    yaml: require('js-yaml'),
    schema: require('./lib/schema.js'),
    releases: require('./lib/releases.js'),
    sort: require('./lib/sort-pull-requests.js'),
    core: require('@actions/core'),
    version: require('./package.json').version,
  };
  modules.core.debug = () => {};
  return modules;
}

const silentLog = { info() {}, warn() {}, error() {}, debug() {} };

// The same steps index.js takes after fetching: validate the config, sort, generate.
export function runReleaseDrafter(input) {
  const { yaml, schema, releases, sort, version } = load();
  if (version !== '6.1.0')
    throw new Error(`release-drafter-github-app ${version} is installed; the parity target is 6.1.0`);
  const owner = input.owner ?? 'octo';
  const repo = input.repo ?? 'demo';
  const context = {
    payload: { repository: { full_name: `${owner}/${repo}`, default_branch: 'main' } },
    log: silentLog,
    repo: (extra) => ({ owner, repo, ...extra }),
  };
  const repoConfig = yaml.load(input.config ?? '');
  const config = schema.validateSchema(context, repoConfig);
  const pullRequests = (input.pullRequests ?? []).map((pr) => ({
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    url: pr.url,
    mergedAt: pr.mergedAt,
    baseRefName: pr.baseRefName ?? 'main',
    headRefName: pr.headRefName ?? `branch-${pr.number}`,
    author: pr.author ?? null,
    labels: { nodes: (pr.labels ?? []).map((name) => ({ name })) },
  }));
  const commits = (input.commits ?? []).map((c) => ({
    author: { name: c.author?.name ?? '', user: c.author?.user ?? null },
    message: c.message ?? '',
  }));
  const sorted = sort.sortPullRequests(pullRequests, config['sort-by'], config['sort-direction']);
  const info = releases.generateReleaseInfo({
    context,
    commits,
    config,
    lastRelease: input.lastRelease ?? undefined,
    mergedPullRequests: sorted,
    version: input.version || undefined,
    tag: undefined,
    name: undefined,
    isPreRelease: false,
    latest: config.latest,
    shouldDraft: true,
    targetCommitish: 'refs/heads/main',
  });
  return { body: info.body, tag: info.tag, name: info.name, resolvedVersion: info.resolvedVersion };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!releaseDrafterAvailable()) {
    console.error(`release-drafter-github-app is not installed in ${dirname(packageDir)}; run \`npm ci\` in tests/npm.`);
    process.exit(2);
  }
  if (process.argv[2] === '--batch') {
    const file = process.argv[3];
    if (!file) {
      console.error('usage: run-release-drafter.mjs --batch <cases.json>');
      process.exit(2);
    }
    const results = JSON.parse(readFileSync(file, 'utf8')).map((input) => {
      try {
        return runReleaseDrafter(input);
      } catch (error) {
        return { error: String(error?.message ?? error) };
      }
    });
    // No process.exit here: it would cut a long write to a pipe short.
    process.stdout.write(JSON.stringify(results) + '\n');
  } else {
    runOne(process.argv[2]);
  }
}

function runOne(file) {
  if (!file) {
    console.error('usage: run-release-drafter.mjs <case.json> [--json] | --batch <cases.json>');
    process.exit(2);
  }
  const result = runReleaseDrafter(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(process.argv.includes('--json') ? JSON.stringify(result) + '\n' : result.body);
}
