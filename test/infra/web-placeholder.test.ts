// A fresh clone has no web/dist: synth must still work, deploying a placeholder page and saying why.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../../infra/aws/contact-center.js';
import { parseDeploySettings } from '../../infra/aws/deploy-settings.js';
import { testApp } from './synth.js';

describe('web app not built', () => {
  it('synthesizes with a placeholder page and a warning naming the fix', () => {
    const app = testApp();
    const webDistDir = mkdtempSync(join(tmpdir(), 'no-web-dist-'));
    const { service } = createContactCenter(
      app,
      parseDeploySettings(() => undefined),
      { webDistDir },
    );
    const warnings = Annotations.fromStack(service).findWarning(
      '*',
      Match.stringLikeRegexp('npm run build:web'),
    );
    expect(warnings).toHaveLength(1);
  });
});
