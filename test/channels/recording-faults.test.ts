// Fault injection on the recording pipeline: Twilio media 5xx and timeouts, an S3 put failure, crashes
// after the S3 write (before the metadata) and after verification (before the Twilio delete), a crash after
// the delete, duplicated and reordered callbacks, and a job that exhausts its retries and is replayed by an
// admin. After recovery every recording is in S3 exactly once with its metadata, and Twilio's copy was
// deleted only after ours was verified.
import { createHash } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioRecordingMedia } from '../../functions/domain/channel-ports.js';
import { agentDialRecording } from '../../functions/domain/recording.js';
import { ACCOUNT, BUCKET, type ChannelStack, HOTLINE, startChannelStack } from './stack.js';

const N = 12;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('recording pipeline under faults', () => {
  let s: ChannelStack;
  const sids: string[] = [];
  const plan = new Map<number, string>(); // recording index -> fault
  const seen = new Map<string, number>(); // fault key -> times
  const counts = { deletes: 0, unverifiedDeletes: 0, injected: 0 };
  const indexOf = (recordingSid: string) => sids.indexOf(recordingSid);
  const once = (key: string) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0;
  };
  let permanentBroken = true;

  beforeAll(async () => {
    s = await startChannelStack({
      mediaTimeoutMs: 200,
      faults: {
        mediaFetch: async (input, init) => {
          const sid = /Recordings\/(RE[0-9a-f]{32})/.exec(String(input))?.[1] ?? '';
          const fault = plan.get(indexOf(sid));
          if (init?.method === 'GET' && fault === 'media-5xx' && once(`5xx${sid}`)) {
            counts.injected++;
            return new Response('{"code":20500}', { status: 503 });
          }
          if (init?.method === 'GET' && fault === 'always-5xx' && permanentBroken) {
            counts.injected++;
            return new Response('{"code":20500}', { status: 500 });
          }
          if (init?.method === 'GET' && fault === 'timeout' && once(`timeout${sid}`)) {
            counts.injected++;
            return new Promise<Response>((_, reject) =>
              init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
            );
          }
          return fetch(input, init);
        },
        media: (inner) => ({
          ...inner,
          async put(key, body, meta) {
            const sid = /(RE[0-9a-f]{32})/.exec(key)?.[1] ?? '';
            if (plan.get(indexOf(sid)) === 's3-put' && once(`put${sid}`)) {
              counts.injected++;
              throw Object.assign(new Error('InternalError: We encountered an internal error'), {
                name: 'InternalError',
              });
            }
            return inner.put(key, body, meta);
          },
        }),
        store: (inner) => ({
          ...inner,
          recordings: {
            ...inner.recordings,
            async save(input) {
              if (plan.get(indexOf(input.sid)) === 'crash-before-metadata' && once(`meta${input.sid}`)) {
                counts.injected++;
                throw new Error('worker crashed after the S3 write');
              }
              return inner.recordings.save(input);
            },
          },
        }),
        twilioMedia: (inner): TwilioRecordingMedia => ({
          ...inner,
          async remove(sid) {
            const fault = plan.get(indexOf(sid));
            if (fault === 'crash-before-delete' && once(`del${sid}`)) {
              counts.injected++;
              throw new Error('worker crashed after verification, before the delete');
            }
            // Independent check: S3 must hold exactly what Twilio serves before Twilio's copy goes.
            const rec = await s.store.recordings.get(sid);
            const ours = rec ? await s.rawMedia.read(rec.s3Key) : undefined;
            const twilios = await fetch(
              `${s.twinBase()}/api/2010-04-01/Accounts/${ACCOUNT.accountSid}/Recordings/${sid}.wav`,
              {
                headers: {
                  authorization: `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`,
                },
              },
            );
            const theirs = new Uint8Array(await twilios.arrayBuffer());
            // 404: Twilio's copy went in an earlier attempt (crash after the delete); nothing to check.
            if (twilios.status !== 404 && (!ours || sha(ours) !== sha(theirs))) counts.unverifiedDeletes++;
            counts.deletes++;
            const out = await inner.remove(sid);
            if (fault === 'crash-after-delete' && once(`after${sid}`)) {
              counts.injected++;
              throw new Error('worker crashed after the delete, before marking it');
            }
            return out;
          },
        }),
      },
    });
  });
  afterAll(() => s?.stop());

  async function callback(params: Record<string, string>, query = '') {
    const url = `${s.appBase()}/twilio/recording-status${query}`;
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(ACCOUNT.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  it(`ingests ${N} recordings exactly once despite every fault`, async () => {
    const faults = [
      'media-5xx',
      'timeout',
      's3-put',
      'crash-before-metadata',
      'crash-before-delete',
      'crash-after-delete',
      'duplicate',
      'reordered',
      'always-5xx',
    ];
    const callSids: string[] = [];
    // Calls with an agent, dialled with the record attributes the routing side uses; then hung up.
    for (let i = 0; i < N; i++) {
      const placeholder = `CA${String(i).padStart(32, '0')}`;
      const attrs = agentDialRecording(s.appBase(), placeholder);
      const call = await s.twilio.calls.create({
        to: `+861380013${String(8000 + i)}`,
        from: HOTLINE,
        twiml: `<Response><Dial record="${attrs.record}" recordingStatusCallback="${s.appBase()}/twilio/recording-status" recordingStatusCallbackEvent="completed"><Number>+15550001111</Number></Dial></Response>`,
      });
      callSids.push(call.sid);
      await s.store.calls.record({
        callSid: call.sid,
        direction: 'inbound',
        from: `+861380013${String(8000 + i)}`,
        to: HOTLINE,
        startedAt: new Date(s.clock.now()).toISOString(),
        status: 'in-progress',
        agentId: i % 2 ? '1002' : '1001',
        queue: 'claims',
      });
      await s.twin.idle();
    }
    await s.clock.advance(45_000);
    for (const [i, fault] of faults.entries()) plan.set(i, fault);
    sids.push(...callSids.map(() => ''));
    // Hanging up completes each recording; the twin then sends the status callback. Aim faults by call order.
    for (const [i, callSid] of callSids.entries()) {
      await s.sim(`/calls/${callSid}/hangup`, {});
      const rec = [...s.twin.voice.recordings.recordings.values()].find((r) => r.callSid === callSid);
      if (!rec) throw new Error(`no recording for ${callSid}`);
      sids[i] = rec.sid;
    }
    // Duplicates (three more, concurrent, before the first is processed) and a reordered in-progress
    // arriving after completed, then completed again.
    const dup = s.twin.voice.recordings.recordings.get(sids[6] ?? '');
    const reo = s.twin.voice.recordings.recordings.get(sids[7] ?? '');
    if (!dup || !reo) throw new Error('recordings missing');
    const params = (r: typeof dup) =>
      ({ ...s.twin.voice.recordings.callbackParams(r) }) as Record<string, string>;
    await Promise.all([callback(params(dup)), callback(params(dup)), callback(params(dup))]);
    const late = { ...params(reo), RecordingStatus: 'in-progress', RecordingDuration: '-1' };
    expect((await callback(late)).status).toBe(204);
    await callback({
      ...late,
      RecordingStatus: 'completed',
      RecordingDuration: params(reo).RecordingDuration ?? '0',
    });
    // Recovery: the queue retries on the clock (1, 2, 4, 8 s).
    for (let round = 0; round < 8; round++) {
      await s.drain();
      await s.clock.advance(10_000);
    }
    await s.drain();

    // The job that always failed is a dead letter now; fix Twilio, the admin lists and replays it.
    const dead = await s.api('GET', '/jobs/dead-letters', 'admin');
    expect(dead.status).toBe(200);
    expect(dead.body.items).toHaveLength(1);
    expect(dead.body.items[0].job.recordingSid).toBe(sids[8]);
    expect(dead.body.items[0].attempts).toBe(5);
    expect((await s.api('GET', '/jobs/dead-letters', 'sup1')).status).toBe(403);
    permanentBroken = false;
    expect((await s.api('POST', `/jobs/dead-letters/${dead.body.items[0].id}/replay`, 'admin')).status).toBe(
      202,
    );
    await s.drain();

    const objects = await listKeys(s);
    const stored = await Promise.all(sids.map((sid) => s.store.recordings.get(sid)));
    const twinStatus = sids.map((sid) => s.twin.voice.recordings.recordings.get(sid)?.status);
    const summary = {
      recordings: N,
      injectedFaults: counts.injected,
      jobsSent: s.queue.stats.sent,
      failedAttempts: s.queue.stats.failedAttempts,
      deadLettered: s.queue.stats.deadLettered,
      s3Objects: objects.length,
      distinctS3Objects: new Set(objects).size,
      withMetadata: stored.filter((r) => r?.twilioDeletedAt).length,
      deletedFromTwilio: twinStatus.filter((st) => st === 'deleted').length,
      deleteCalls: counts.deletes,
      unverifiedDeletes: counts.unverifiedDeletes,
    };
    console.log(`recording fault injection: ${JSON.stringify(summary)}`);
    expect(summary.s3Objects).toBe(N);
    expect(summary.distinctS3Objects).toBe(N);
    expect(summary.withMetadata).toBe(N);
    expect(summary.deletedFromTwilio).toBe(N);
    expect(summary.unverifiedDeletes).toBe(0);
    expect(summary.deadLettered).toBe(1);
    for (const rec of stored) {
      expect(rec?.channels).toBe(2);
      expect(rec?.queue).toBe('claims');
      expect(rec?.caller).toMatch(/^\+86138/);
      const bytes = rec ? await s.rawMedia.read(rec.s3Key) : undefined;
      expect(bytes && sha(bytes)).toBe(rec?.sha256);
      const call = rec?.callSid ? await s.store.calls.get(rec.callSid) : undefined;
      expect(call?.recordingSids).toEqual([rec?.sid]);
    }
  }, 60_000);
});

async function listKeys(s: ChannelStack): Promise<string[]> {
  const client = new S3Client({
    endpoint: s.s3Endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'recordings/' }));
  client.destroy();
  return (out.Contents ?? []).map((o) => o.Key ?? '');
}
