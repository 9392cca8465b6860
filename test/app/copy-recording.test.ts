// The recording copy's passes, on fakes that count what they are asked: the first pass reads nothing about
// the recording before storing it; a pass repeated after the work was done, whose object cannot be found
// under the key it computes (no start time in its job), finishes from the metadata (or finds nothing left
// to do) rather than failing on Twilio's deleted copy until it is dead-lettered.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { processRecording, type RecordingWorkerDeps } from '../../functions/app/copy-recording.js';
import { TwilioMediaError } from '../../functions/domain/channel-ports.js';
import type { RecordingJob } from '../../functions/domain/jobs.js';
import type { StoredRecording } from '../../functions/domain/recording.js';

const SID = `RE${'a'.repeat(32)}`;
const AUDIO = new Uint8Array([82, 73, 70, 70, 1, 2, 3, 4]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function fakes() {
  const objects = new Map<string, Uint8Array>();
  const recordings = new Map<string, StoredRecording>();
  const asked = { recordingGets: 0, downloads: 0, removes: 0 };
  let twilioHas = true;
  const deps = {
    clock: { now: () => Date.parse('2026-03-02T02:10:00Z') },
    store: {
      calls: { get: async () => undefined },
      recordings: {
        async get(sid: string) {
          asked.recordingGets++;
          return recordings.get(sid);
        },
        async save(r: StoredRecording) {
          const had = recordings.get(r.sid);
          if (had) return { recording: had, created: false };
          recordings.set(r.sid, r);
          return { recording: r, created: true };
        },
        async markTwilioDeleted(sid: string, at: string) {
          const r = recordings.get(sid);
          if (r) recordings.set(sid, { ...r, twilioDeletedAt: at });
          return recordings.get(sid);
        },
      },
    },
    media: {
      async put(key: string, body: Uint8Array) {
        objects.set(key, body);
      },
      async head(key: string) {
        const b = objects.get(key);
        return b ? { size: b.byteLength, sha256: sha(b) } : undefined;
      },
      async digest(key: string) {
        const b = objects.get(key);
        return b ? { size: b.byteLength, sha256: sha(b) } : undefined;
      },
    },
    twilioMedia: {
      async download() {
        asked.downloads++;
        if (!twilioHas) throw new TwilioMediaError(404, 'recording not found');
        return { body: AUDIO, contentType: 'audio/wav' };
      },
      async remove() {
        asked.removes++;
        const had = twilioHas;
        twilioHas = false;
        return had ? ('deleted' as const) : ('gone' as const);
      },
    },
  } as unknown as RecordingWorkerDeps;
  return { deps, asked, recordings, objects };
}

const job = (receivedAt: string, startedAt?: string): RecordingJob => ({
  kind: 'recording',
  recordingSid: SID,
  status: 'completed',
  durationSeconds: 30,
  channels: 2,
  source: 'OutboundAPI',
  receivedAt,
  ...(startedAt ? { startedAt } : {}),
});

describe('copying a recording', () => {
  it('stores it on the first pass without asking whether an earlier pass did', async () => {
    const f = fakes();
    expect(await processRecording(f.deps, job('2026-03-02T02:05:00Z', '2026-03-02T02:04:00Z'))).toBe(
      'stored-and-deleted',
    );
    expect(f.asked).toEqual({ recordingGets: 0, downloads: 1, removes: 1 });
    expect(f.recordings.get(SID)?.twilioDeletedAt).toBeDefined();
  });

  it('finds the work done on a repeated pass, by its object or by its metadata', async () => {
    const f = fakes();
    await processRecording(f.deps, job('2026-03-02T02:05:00Z'));
    // The same job again: its object is where it computes, and the metadata's put says it is stored.
    expect(await processRecording(f.deps, job('2026-03-02T02:05:00Z'))).toBe('already-done');
    // A duplicated callback received a day later, without the recording's start: another key, no object
    // there, and Twilio's copy is gone; the metadata says so.
    expect(await processRecording(f.deps, job('2026-03-03T02:05:00Z'))).toBe('already-done');
    expect(f.objects.size).toBe(1);
    expect(f.asked).toMatchObject({ downloads: 2, removes: 1 });
  });

  it('finishes from the metadata a pass that deleted Twilio copy but crashed before saying so', async () => {
    const f = fakes();
    const mark = f.deps.store.recordings.markTwilioDeleted;
    f.deps.store.recordings.markTwilioDeleted = async () => {
      throw new Error('worker crashed after the delete');
    };
    await expect(processRecording(f.deps, job('2026-03-02T02:05:00Z'))).rejects.toThrow('crashed');
    f.deps.store.recordings.markTwilioDeleted = mark;
    // The retry comes without the recording's start and a day later: its key finds no object, Twilio's
    // copy is gone, and the earlier pass's metadata and object are what it finishes with.
    expect(await processRecording(f.deps, job('2026-03-03T02:05:00Z'))).toBe('deleted-after-earlier-store');
    expect(f.recordings.get(SID)?.twilioDeletedAt).toBeDefined();
    expect(f.objects.size).toBe(1);
  });

  it("files a call's recording under the call and copies the call's fields without reading the call", async () => {
    const f = fakes();
    const CALL = `CA${'b'.repeat(32)}`;
    const call = {
      callSid: CALL,
      direction: 'inbound',
      from: '+8613800000001',
      to: '+8640000000',
      startedAt: '2026-03-02T02:00:00Z',
      agentId: '1002',
      customerId: 'cus-1',
      queue: 'general',
      ticketNumbers: [] as string[],
      recordingSids: [] as string[],
    };
    const updates: unknown[] = [];
    let conflicts = 1;
    Object.assign(f.deps.store.calls, {
      get: async () => {
        throw new Error('the call is not read');
      },
      update: async (sid: string, patch: { addRecordingSid: string }) => {
        updates.push({ sid, ...patch, metadataStored: f.recordings.has(SID) });
        if (conflicts-- > 0) return { ok: false, reason: 'conflict', current: call };
        return { ok: true, value: { ...call, recordingSids: [patch.addRecordingSid] } };
      },
    });
    const withCall = { ...job('2026-03-02T02:05:00Z', '2026-03-02T02:04:00Z'), callSid: CALL };
    // Filing it lost every race with the call's other webhooks: the job fails (and is retried) with
    // Twilio's copy kept, never stored without the call's fields.
    await expect(processRecording(f.deps, withCall)).rejects.toThrow('not filed under call');
    expect(f.asked.removes).toBe(0);
    expect(f.recordings.size).toBe(0);
    expect(await processRecording(f.deps, withCall)).toBe('stored-and-deleted');
    expect(updates).toEqual([
      { sid: CALL, addRecordingSid: SID, metadataStored: false },
      { sid: CALL, addRecordingSid: SID, metadataStored: false },
    ]);
    expect(f.recordings.get(SID)).toMatchObject({
      callSid: CALL,
      caller: '+8613800000001',
      agentId: '1002',
      customerId: 'cus-1',
      queue: 'general',
    });
    // The object from the failed pass was verified and used: one download.
    expect(f.asked).toMatchObject({ downloads: 1, removes: 1 });
  });

  it('still fails a pass whose download fails before anything was stored', async () => {
    const f = fakes();
    f.deps.twilioMedia.download = async () => {
      throw new TwilioMediaError(503, 'Twilio answered 503');
    };
    await expect(processRecording(f.deps, job('2026-03-02T02:05:00Z'))).rejects.toThrow('503');
    expect(f.recordings.size).toBe(0);
  });
});
