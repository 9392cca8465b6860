// Twilio's recording status callback (docs/twilio-behaviour.md §5.2): validated, turned into a job and enqueued, nothing
// else, so it answers in milliseconds. The worker copies the media into S3. `?call=` and `?voicemail=`
// (set by whoever asked for the recording) tie it to the customer's call or a voicemail, `?agent=` to the
// agent whose leg it is.
import { Hono } from 'hono';
import type { RecordingJob } from '../../domain/jobs.js';
import { USER_ID_PATTERN } from '../../domain/model.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { CALL_SID, optionalParam, requiredParam } from './params.js';

const RECORDING_SID = /^RE[0-9a-f]{32}$/;
const CONFERENCE_SID = /^CF[0-9a-f]{32}$/;

export function createRecordingStatusApp(deps: WebhookDeps & Pick<ChannelDeps, 'jobs'>): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const recordingSid = requiredParam(p, 'RecordingSid', RECORDING_SID);
    const callSid = c.req.query('call') ?? optionalParam(p, 'CallSid');
    const conferenceSid = optionalParam(p, 'ConferenceSid');
    const source = optionalParam(p, 'RecordingSource');
    // Our only <Record> is the IVR's voicemail, stored under its RecordingSid when no ?voicemail= says otherwise.
    const agentId = c.req.query('agent');
    const voicemailId = c.req.query('voicemail') ?? (source === 'RecordVerb' ? recordingSid : undefined);
    const started = Date.parse(optionalParam(p, 'RecordingStartTime') ?? '');
    const duration = Number(optionalParam(p, 'RecordingDuration') ?? '0');
    const job: RecordingJob = {
      kind: 'recording',
      recordingSid,
      ...(callSid && CALL_SID.test(callSid) ? { callSid } : {}),
      ...(conferenceSid && CONFERENCE_SID.test(conferenceSid) ? { conferenceSid } : {}),
      ...(voicemailId ? { voicemailId: voicemailId.slice(0, 100) } : {}),
      ...(agentId && USER_ID_PATTERN.test(agentId) ? { agentId } : {}),
      status: optionalParam(p, 'RecordingStatus') ?? 'completed',
      durationSeconds: Number.isFinite(duration) && duration > 0 ? Math.round(duration) : 0,
      channels: optionalParam(p, 'RecordingChannels') === '2' ? 2 : 1,
      source: source ?? 'unknown',
      ...(Number.isNaN(started) ? {} : { startedAt: new Date(started).toISOString() }),
      receivedAt: new Date(deps.clock.now()).toISOString(),
    };
    // Only finished recordings have media; the others are acknowledged and logged.
    if (job.status === 'completed') await deps.jobs.send(job);
    else deps.logger.info('recording not completed', { recordingSid, status: job.status });
    return c.body(null, 204);
  });
  return app;
}
