// The architecture of the contact center as rules: which folder may depend on which. `npm run check`
// cruises functions/, infra/, flows/ and web/src with this file and fails on any violation; when the
// picture changes, this file changes in the same commit.
//
// The picture, inside out:
//   functions/domain/    pure rules and the ports (interfaces) the outside world is reached through
//   functions/app/       use cases: one action of the center each, ports taken as plain arguments
//   functions/adapters/  one implementation per port (DynamoDB, S3, SES, SQS, Twilio, local files)
//   functions/http/      doors: Hono routes that parse a request, call a use case, render the result
//   functions/workers/   doors: SQS workers and scheduled jobs, the same shape without HTTP
//   functions/handlers/  composition roots: the Lambda entries that wire adapters into doors
//   functions/config.ts  the only reader of the environment
//   flows/               the IVR and routing as typed data
//   web/src/             the browser app
//   infra/aws/           the CDK app; infra/local/ the embedded local stack and the Twilio twin
//
// infra/flows/, infra/checks/ and infra/smoke/ are build-time tools with no layer rule of their own. One rule this
// file cannot express, that DynamoDB keys (`CUST#…`) are built only in functions/adapters/dynamo/, is
// checked by infra/checks/storage-keys.ts in the same `npm run check`.
//
// Paths are regular expressions over paths relative to the folder the cruise starts from (the
// repository root, or a fixture root in test/architecture/), so folders of this repository are
// anchored with `^`; npm packages resolve into some node_modules/ and are matched after a `/`.
// Type-only imports count as dependencies everywhere: a type ties two modules together as surely as
// a value does, and with verbatimModuleSyntax one dropped `type` keyword turns it into a runtime
// import. The two places that are allowed types only say so.

/** Packages that talk to the outside world; the domain and the use cases reach it through ports. */
const IO_PACKAGES = [
  'hono',
  '@hono/[^/]+',
  'twilio',
  'twilio-taskrouter',
  '@twilio/[^/]+',
  '@aws-sdk/[^/]+',
  '@aws-lambda-powertools/[^/]+',
].join('|');
/** Node built-ins that do I/O (dependency-cruiser reports `node:http` as `http`). */
const IO_BUILTINS = [
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'fs',
  'fs/promises',
  'child_process',
].join('|');
/** An npm package resolves under some node_modules/ (relative to a fixture root too); unresolved, it is its bare name. */
const IO_DEPENDENCIES = [
  `(^|/)node_modules/(${IO_PACKAGES})(/|$)`,
  `^(${IO_PACKAGES})(/|$)`,
  `^(node:)?(${IO_BUILTINS})$`,
];

/** Type-only imports: `import type`, `export type ... from`, and `import('...').T` in type positions. */
const TYPES_ONLY = ['type-only', 'type-import'];

const REPO_CODE = '^(functions|flows|infra|web|test)/';
const CONFIG = '^functions/config\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-only-domain',
      comment:
        'functions/domain/ is the centre: pure rules and the ports, readable and testable alone. It may ' +
        'import other domain modules and pure npm packages, nothing else of this repository (not even ' +
        'config: use cases hand the domain the values it needs).',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: { path: REPO_CODE, pathNot: '^functions/domain/' },
    },
    {
      name: 'domain-no-io',
      comment:
        'functions/domain/ must not reach the outside world: no web framework, no Twilio or AWS SDK, no ' +
        'Powertools, no network or file system. Outside systems are ports the domain declares and ' +
        'adapters implement.',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: { path: IO_DEPENDENCIES },
    },
    {
      name: 'app-only-domain-and-config',
      comment:
        'functions/app/ holds the use cases, the one place per action where what the center does is ' +
        'read. It builds on the domain, other use cases and the flows (typed data: routing, hours, ' +
        'numbers) only: doors (http, workers) call it, adapters are handed to it as ports by the ' +
        'composition roots (handlers).',
      severity: 'error',
      from: { path: '^functions/app/' },
      to: { path: REPO_CODE, pathNot: ['^functions/(domain|app)/', '^flows/', CONFIG] },
    },
    {
      name: 'app-config-types-only',
      comment:
        'A use case may name the shape of the configuration but never load it: configuration is read ' +
        'once, in the composition root, and passed in, so use cases run the same under test.',
      severity: 'error',
      from: { path: '^functions/app/' },
      to: { path: CONFIG, dependencyTypesNot: TYPES_ONLY },
    },
    {
      name: 'app-no-io',
      comment:
        'Use cases reach storage, telephony and messaging through the ports they are given, never ' +
        'through an SDK, a web framework or the network directly, so the twin and the real services are ' +
        'interchangeable underneath them.',
      severity: 'error',
      from: { path: '^functions/app/' },
      to: { path: IO_DEPENDENCIES },
    },
    {
      name: 'adapters-only-domain-and-config',
      comment:
        'functions/adapters/ implement the ports the domain declares. They know the domain, the ' +
        'configuration and each other, never the use cases or the doors that will use them: a port ' +
        'implementation does not know who calls it.',
      severity: 'error',
      from: { path: '^functions/adapters/' },
      to: { path: '^functions/(app|http|workers|handlers)/' },
    },
    {
      name: 'http-not-to-workers',
      comment:
        'Routes and workers are two doors into the same room: what they share is a use case in ' +
        'functions/app/ (or a domain rule), never one door calling into the other.',
      severity: 'error',
      from: { path: '^functions/http/' },
      to: { path: '^functions/workers/' },
    },
    {
      name: 'workers-not-to-http',
      comment:
        'Workers and scheduled jobs are doors like routes: they must not borrow code from the HTTP ' +
        'layer. Move what both need into a use case (functions/app/) or the domain.',
      severity: 'error',
      from: { path: '^functions/workers/' },
      to: { path: '^functions/http/' },
    },
    {
      name: 'doors-not-to-adapters',
      comment:
        'Routes and workers receive their ports as arguments from the composition root; importing an ' +
        'adapter would hard-wire one implementation (DynamoDB, the real Twilio) into the door and ' +
        'bypass the twin.',
      severity: 'error',
      from: { path: '^functions/(http|workers)/' },
      to: { path: '^functions/adapters/' },
    },
    {
      name: 'only-handlers-import-handlers',
      comment:
        'functions/handlers/ are composition roots (Lambda entries): they may import anything, and ' +
        'nothing imports them but another composition root. Code a handler holds that others need ' +
        'belongs in a layer below.',
      severity: 'error',
      from: { path: '^functions/', pathNot: '^functions/handlers/' },
      to: { path: '^functions/handlers/' },
    },
    {
      name: 'config-only-domain',
      comment:
        'functions/config.ts is the only reader of the environment and is imported by every layer, ' +
        'so it may depend on the domain alone; anything more would drag a layer into all others.',
      severity: 'error',
      from: { path: CONFIG },
      to: { path: REPO_CODE, pathNot: '^functions/domain/' },
    },
    {
      name: 'functions-known-layers',
      comment:
        'Every module of functions/ sits in one of the layers above. A new folder is a change of the ' +
        'architecture: add it to this file, with its rules, in the same commit.',
      severity: 'error',
      from: {},
      to: {
        path: '^functions/',
        pathNot: ['^functions/(domain|app|adapters|http|workers|handlers)/', CONFIG],
      },
    },
    {
      name: 'source-not-to-infra-web-test',
      comment:
        'What is deployed (functions/) and the data it runs (flows/) never depend on the deployment ' +
        '(infra/), the browser app (web/) or the tests (test/); those depend on them.',
      severity: 'error',
      from: { path: '^(functions|flows)/' },
      to: { path: '^(infra|web|test)/' },
    },
    {
      name: 'flows-only-domain-types',
      comment:
        'flows/ is data typed with the domain’s types: it may import other flows and types from ' +
        'functions/domain/, nothing else (no packages, no functions to call). The interpreter lives ' +
        'in functions/.',
      severity: 'error',
      from: { path: '^flows/' },
      to: { pathNot: ['^flows/', '^functions/domain/', '^(infra|web|test)/'] },
    },
    {
      name: 'flows-domain-types-only',
      comment:
        'flows/ takes only types from the domain (`import type`), so a flow file stays data and loading ' +
        'the flows never runs domain code.',
      severity: 'error',
      from: { path: '^flows/' },
      to: { path: '^functions/domain/', dependencyTypesNot: TYPES_ONLY },
    },
    {
      name: 'web-only-domain',
      comment:
        'The browser app shares two things with the server: the domain’s pure types and rules, and the ' +
        'flows (hotline numbers, routing groups), which are typed data holding only domain types. ' +
        'Nothing else: server code (routes, schemas, adapters) must not end up in the browser bundle, ' +
        'and the API is a contract over HTTP, not a shared import.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(functions|infra|test)/', pathNot: '^functions/domain/' },
    },
    {
      name: 'infra-aws-not-local-or-test',
      comment:
        'infra/aws/ may import functions/ freely (handler entry paths, config, table layout, domain ' +
        'constants). It must not pull in the local stack and the twin (infra/local/) or the tests: ' +
        'the deployment describes AWS only.',
      severity: 'error',
      from: { path: '^infra/aws/' },
      to: { path: '^(infra/local|test)/' },
    },
    {
      name: 'infra-local-not-test',
      comment:
        'infra/local/ may import all of functions/ to run the application on one machine, but not the ' +
        'tests: the local stack is a product users start, the tests are built on it, not the reverse.',
      severity: 'error',
      from: { path: '^infra/local/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles in functions/, infra/, flows/ or web/src, type-only imports included: modules ' +
        'in a cycle can only be read, tested and moved together, and a type-only cycle becomes a ' +
        'runtime one (with its load-order surprises) as soon as one import loses its `type`.',
      severity: 'error',
      from: { path: '^(functions|infra|flows|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment:
        'Every import must resolve to a file or an installed package; an import the cruiser cannot ' +
        'follow is one the rules above cannot see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (see the top of this file).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
