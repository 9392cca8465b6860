// The infra project's globalSetup: synthesizes the contact center once with real esbuild bundling, so a
// bundling failure fails the run, and hands the cdk.out to the test files, whose own synths skip bundling.
// Vitest runs each test file in its own process, so a cache in a module could not be shared; this can.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createContactCenter } from '../../infra/aws/contact-center.js';
import { parseDeploySettings } from '../../infra/aws/deploy-settings.js';
import { newApp, TEST_CONTEXT } from './synth.js';

function bundle(): string {
  const app = newApp({ bundle: true });
  const context: Record<string, unknown> = TEST_CONTEXT;
  const settings = parseDeploySettings((key) => context[key]);
  try {
    createContactCenter(app, settings);
    app.synth();
  } catch (err) {
    rmSync(app.outdir, { recursive: true, force: true });
    throw err;
  }
  return app.outdir;
}

export default function setup(project: TestProject): () => void {
  let outdir = bundle();
  project.provide('bundledCdkOut', outdir);
  // In watch mode the sources may have changed between runs: bundle them again.
  project.onTestsRerun(() => {
    rmSync(outdir, { recursive: true, force: true });
    outdir = bundle();
    project.provide('bundledCdkOut', outdir);
  });
  return () => rmSync(outdir, { recursive: true, force: true });
}
