// Builds the app's dependencies from configuration, once per Lambda container: handlers await it at
// module scope (ESM top-level await), so secrets are fetched during init, not on a caller's request.
import { routing } from '../../flows/routing.js';
import { createTwilioClient, type TwilioClient } from '../adapters/twilio/client.js';
import { createTwilioTranscription } from '../adapters/twilio/intelligence.js';
import { twilioAgentWorkers } from '../adapters/twilio/provision-taskrouter.js';
import { createWorkRouting } from '../app/work-routing.js';
import { type AppConfig, loadConfig } from '../config.js';
import { phoneSearch } from '../domain/phone.js';
import type { AppDeps } from '../http/deps.js';
import { lambdaChannels } from './lambda-channels.js';
import { type SecretReader, secretsManagerReader } from './secrets.js';
import { type LambdaLogging, webhookDeps } from './webhook-deps.js';

export { webhookDeps };

/** For the REST API function and the job worker: the webhook dependencies plus the official Twilio client. */
export async function lambdaDeps(
  config: AppConfig = loadConfig(),
  readSecret: SecretReader = secretsManagerReader(config.region),
): Promise<AppDeps & LambdaLogging & { readonly twilio: TwilioClient }> {
  const deps = await webhookDeps(config, readSecret, phoneSearch(config.defaultPhoneRegion));
  const twilio = createTwilioClient({
    accountSid: config.twilio.accountSid,
    authToken: deps.secrets.twilioAuthToken,
    ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
  });
  const channels = await lambdaChannels(config, createWorkRouting(deps), readSecret);
  const serviceSid = config.twilio.intelligenceServiceSid;
  return {
    ...deps,
    twilio,
    agentWorkers: twilioAgentWorkers(twilio, deps.store, routing),
    ...(channels ? { channels } : {}),
    ...(serviceSid
      ? {
          transcription: createTwilioTranscription({
            accountSid: config.twilio.accountSid,
            authToken: deps.secrets.twilioAuthToken,
            serviceSid,
            ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
          }),
        }
      : {}),
  };
}
