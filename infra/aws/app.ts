// The CDK app the CLI runs (cdk.json): the only reader of CDK context. Runs the cdk-nag AwsSolutions
// checks on every synth, so `npm run synth` fails on any unacknowledged finding.
import { Annotations, App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createContactCenter, FEATURE_FLAGS } from './contact-center.js';
import { PLACEHOLDER_ACCOUNT_SID, parseDeploySettings } from './deploy-settings.js';

const app = new App({ context: FEATURE_FLAGS });
const settings = parseDeploySettings((key) => app.node.tryGetContext(key));
const { service } = createContactCenter(app, settings);
if (settings.twilioAccountSid === PLACEHOLDER_ACCOUNT_SID) {
  Annotations.of(service).addWarningV2(
    'contact-center:no-twilio-account',
    'twilioAccountSid is not set: the stacks synthesize, but Twilio webhooks will fail until you deploy with -c twilioAccountSid=AC...',
  );
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
