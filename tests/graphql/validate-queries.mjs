// Validates every GraphQL document Mainstay's client can send against GitHub's published schema
// (@octokit/graphql-schema, pinned in tests/npm), and checks the variables the client passes
// against the documents' variable definitions and GitHub's 500,000-node limit.
//
//   node tests/graphql/validate-queries.mjs <graphql_documents executable>
//
// Exits non-zero, with the reasons printed, when a document is invalid, when the reference
// package is not installed, or when the executable prints no documents.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NODE_LIMIT = 500_000;
const here = dirname(fileURLToPath(import.meta.url));
const npmDir = join(here, '..', 'npm');
const schemaPackage = join(npmDir, 'node_modules', '@octokit', 'graphql-schema');

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20)
  fail(`Node.js ${process.versions.node} is too old; the tests need Node.js >= 20.`);
if (!existsSync(join(schemaPackage, 'package.json')))
  fail(`@octokit/graphql-schema is not installed in ${join(npmDir, 'node_modules')}. ` +
       `Run \`npm ci\` in tests/npm.`);
const executable = process.argv[2];
if (!executable || !existsSync(executable))
  fail(`usage: validate-queries.mjs <graphql_documents executable> (got "${executable ?? ''}"); ` +
       'build the graphql_documents target first.');

const { validate, schema: published } = await import(pathToFileURL(join(schemaPackage, 'index.js')));
// The same graphql module instance the package uses, so that its schema objects are accepted.
const require = createRequire(join(schemaPackage, 'index.js'));
const graphql = require('graphql');
const schema = graphql.buildClientSchema(published.json);
const { version } = require(join(schemaPackage, 'package.json'));

let output;
try {
  output = JSON.parse(execFileSync(executable, { encoding: 'utf8' }));
} catch (error) {
  fail(`could not read the documents from ${executable}: ${error.message}`);
}
const documents = output.documents ?? [];
if (documents.length === 0)
  fail(`${executable} printed no documents.`);

// GitHub's count: each connection's first/last, times the first/last of the connections above.
function nodeCount(document) {
  const fragments = new Map(document.definitions
    .filter((d) => d.kind === graphql.Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d]));
  const walk = (selectionSet, multiplier, variables) => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === graphql.Kind.FRAGMENT_SPREAD) {
        total += walk(fragments.get(selection.name.value)?.selectionSet, multiplier, variables);
        continue;
      }
      let child = multiplier;
      for (const argument of selection.arguments ?? []) {
        if (argument.name.value !== 'first' && argument.name.value !== 'last')
          continue;
        const size = graphql.valueFromASTUntyped(argument.value, variables);
        if (typeof size === 'number') {
          total += multiplier * size;
          child = multiplier * size;
        }
      }
      total += walk(selection.selectionSet, child, variables);
    }
    return total;
  };
  return document.definitions
    .filter((d) => d.kind === graphql.Kind.OPERATION_DEFINITION)
    .reduce((sum, operation) => sum + walk(operation.selectionSet, 1, {}), 0);
}

let failures = 0;
for (const { name, query, variables, nodeCount: expectedNodes } of documents) {
  const problems = [];
  let document;
  try {
    document = graphql.parse(query);
  } catch (error) {
    problems.push(`syntax: ${error.message}`);
  }
  if (document) {
    for (const error of validate(query))
      problems.push(error.message);
    for (const operation of document.definitions) {
      if (operation.kind !== graphql.Kind.OPERATION_DEFINITION)
        continue;
      const { errors } = graphql.getVariableValues(schema, operation.variableDefinitions ?? [],
                                                   variables ?? {});
      for (const error of errors ?? [])
        problems.push(`variables: ${error.message}`);
    }
    const nodes = nodeCount(document);
    if (nodes > NODE_LIMIT)
      problems.push(`up to ${nodes} nodes, over GitHub's limit of ${NODE_LIMIT}`);
    if (expectedNodes !== undefined && nodes !== expectedNodes)
      problems.push(`the client counts ${expectedNodes} nodes, the document asks for ${nodes}`);
    if (problems.length === 0)
      console.log(`ok   ${name} (${nodes} nodes, ${query.length} bytes)`);
  }
  if (problems.length > 0) {
    ++failures;
    console.error(`FAIL ${name}`);
    for (const problem of problems)
      console.error(`     ${problem}`);
    console.error(query.split('\n').map((line, i) => `${String(i + 1).padStart(4)} | ${line}`)
      .join('\n'));
  }
}
console.log(`${documents.length - failures} of ${documents.length} documents valid against ` +
            `@octokit/graphql-schema ${version}`);
process.exit(failures === 0 ? 0 : 1);
