// The archive use case (one gzipped JSON-lines file per ended interval, keyed by the interval) and the
// EventArchive contract every adapter must keep: the S3 one against s3rver, the local folder one on disk.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3EventArchive, eventArchiveFor } from '../../functions/adapters/s3/event-archive.js';
import {
  archiveInterval,
  archiveKey,
  IntervalStartError,
  intervalArchiver,
} from '../../functions/app/history-archive.js';
import { ConfigError, loadConfig } from '../../functions/config.js';
import { type CenterEvent, intervalOf, versioned } from '../../functions/domain/history/event.js';
import type { EventArchive } from '../../functions/domain/history/ports.js';
import { openEventArchiveDir } from '../../infra/local/event-archive-dir.js';
import { startS3 } from '../../infra/local/s3-server.js';

const START = '2026-12-06T10:15:00.000Z';

const event = (id: string, at: string, extra: Partial<CenterEvent> = {}): CenterEvent =>
  versioned({ id, at, type: 'call.received', callSid: `CA${id}`, hotline: '+8640012345678', ...extra });

/** An in-memory log whose inInterval answers like the real one: events of that interval only. */
function logOf(events: CenterEvent[]) {
  const asked: string[] = [];
  return {
    asked,
    async inInterval(start: string) {
      asked.push(start);
      return events.filter((e) => intervalOf(e.at) === start);
    },
  };
}

function memoryArchive() {
  const files = new Map<string, Uint8Array>();
  const archive: EventArchive = {
    async put(key, body) {
      files.set(key, body);
    },
  };
  return { files, archive };
}

const linesOf = (gz: Uint8Array) =>
  gunzipSync(gz)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as CenterEvent);

describe('archiveKey', () => {
  it('names the file by UTC date partition and interval start', () => {
    expect(archiveKey(START)).toBe('events/dt=2026-12-06/20261206T1015Z.jsonl.gz');
    expect(archiveKey('2026-12-31T23:45:00Z')).toBe('events/dt=2026-12-31/20261231T2345Z.jsonl.gz');
    expect(archiveKey('2027-01-01T08:00:00+08:00')).toBe('events/dt=2027-01-01/20270101T0000Z.jsonl.gz');
  });

  it('refuses a time that does not start an interval', () => {
    expect(() => archiveKey('2026-12-06T10:16:00Z')).toThrow(IntervalStartError);
    expect(() => archiveKey('yesterday')).toThrow(IntervalStartError);
  });
});

describe('archiveInterval', () => {
  it("writes the interval's events, one JSON object per line, as stored", async () => {
    const inside = [
      event('b', '2026-12-06T10:20:00Z', { n: { waitSeconds: 12 }, a: { outcome: 'contact' } }),
      event('a', '2026-12-06T10:15:00Z'),
    ];
    const log = logOf([
      ...inside,
      event('late', '2026-12-06T10:30:00Z'),
      event('early', '2026-12-06T10:14:59Z'),
    ]);
    const { files, archive } = memoryArchive();
    const out = await archiveInterval({ log, archive }, START);
    expect(out).toMatchObject({ written: true, key: archiveKey(START), events: 2 });
    expect(log.asked).toEqual([START]);
    const body = files.get(archiveKey(START));
    if (!body) throw new Error('no file');
    expect(linesOf(body)).toEqual([inside[1], inside[0]]);
    expect(gunzipSync(body).toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('writes the same bytes for the same events in any order, and replaces the file when events arrive late', async () => {
    const events = [event('x', '2026-12-06T10:16:00Z'), event('y', '2026-12-06T10:16:00Z')];
    const first = memoryArchive();
    const second = memoryArchive();
    await archiveInterval({ log: logOf(events), archive: first.archive }, START);
    await archiveInterval({ log: logOf([...events].reverse()), archive: second.archive }, START);
    expect(second.files.get(archiveKey(START))).toEqual(first.files.get(archiveKey(START)));

    const withLate = [...events, event('z', '2026-12-06T10:29:59.999Z')];
    await archiveInterval({ log: logOf(withLate), archive: first.archive }, START);
    expect(first.files.size).toBe(1);
    expect(linesOf(first.files.get(archiveKey(START)) ?? new Uint8Array()).map((e) => e.id)).toEqual([
      'x',
      'y',
      'z',
    ]);
  });

  it('is what the minute job calls per ended interval', async () => {
    const { files, archive } = memoryArchive();
    const archiveStep = intervalArchiver({ log: logOf([event('a', '2026-12-06T10:15:00Z')]), archive });
    await archiveStep(START);
    await archiveStep('2026-12-06T10:30:00.000Z');
    expect([...files.keys()]).toEqual([archiveKey(START)]);
  });

  it('writes nothing for an interval without events', async () => {
    const { files, archive } = memoryArchive();
    const out = await archiveInterval({ log: logOf([event('a', '2026-12-06T11:00:00Z')]), archive }, START);
    expect(out).toEqual({ written: false, reason: 'no-events' });
    expect(files.size).toBe(0);
  });
});

/** Reads back what an adapter stored under a key, for the contract. */
interface ArchiveUnderTest {
  readonly archive: EventArchive;
  read(key: string): Promise<Uint8Array | undefined>;
}

function eventArchiveContract(name: string, open: () => Promise<ArchiveUnderTest>) {
  describe(`EventArchive contract: ${name}`, () => {
    let subject: ArchiveUnderTest;
    beforeAll(async () => {
      subject = await open();
    });

    it('stores the bytes under the key, in its date folder', async () => {
      const key = archiveKey(START);
      const out = await archiveInterval(
        { log: logOf([event('a', '2026-12-06T10:15:01Z')]), archive: subject.archive },
        START,
      );
      expect(out.written).toBe(true);
      const stored = await subject.read(key);
      expect(stored && linesOf(stored).map((e) => e.id)).toEqual(['a']);
    });

    it('replaces an existing file whole', async () => {
      const key = archiveKey('2026-12-07T00:00:00Z');
      await subject.archive.put(key, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
      await subject.archive.put(key, new Uint8Array([9]));
      expect(await subject.read(key)).toEqual(new Uint8Array([9]));
    });
  });
}

const BUCKET = 'analytics';
let s3: { endpoint: string; stop(): Promise<void> } | undefined;
const folders: string[] = [];
afterAll(async () => {
  await s3?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

eventArchiveContract('S3 (s3rver)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-archive-s3-'));
  folders.push(dir);
  s3 = await startS3(dir, BUCKET);
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    archive: createS3EventArchive({ client, bucket: BUCKET }),
    async read(key) {
      const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      // Readers decompress by the .gz name; an encoding header would make some clients inflate it for them.
      expect(head.ContentType).toBe('application/x-ndjson');
      expect(head.ContentEncoding).toBeUndefined();
      const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return out.Body ? new Uint8Array(await out.Body.transformToByteArray()) : undefined;
    },
  };
});

eventArchiveContract('S3 from the configuration (EVENTS_BUCKET)', async () => {
  if (!s3) throw new Error('s3rver is started by the suite above');
  const endpoint = s3.endpoint;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const archive = eventArchiveFor(
    { eventsBucket: BUCKET, region: 'us-east-1', s3Endpoint: endpoint },
    client,
  );
  if (!archive) throw new Error('no archive for a configured bucket');
  return {
    archive,
    async read(key) {
      const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return out.Body ? new Uint8Array(await out.Body.transformToByteArray()) : undefined;
    },
  };
});

describe('EVENTS_BUCKET', () => {
  const env = {
    PUBLIC_BASE_URL: 'https://cc.example.com',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'token',
    TABLE_NAME: 'cc',
    BUCKET_NAME: 'cc-recordings',
    SESSION_KEY: 'k'.repeat(32),
  };

  it('is optional: absent, there is no archive', () => {
    const config = loadConfig(env);
    expect(config.eventsBucket).toBeUndefined();
    expect(eventArchiveFor(config)).toBeUndefined();
  });

  it('names the bucket the archive writes to, and must be a bucket name', () => {
    const config = loadConfig({ ...env, EVENTS_BUCKET: 'contactcenterdata-analyticsbucket-1a2b3c' });
    expect(config.eventsBucket).toBe('contactcenterdata-analyticsbucket-1a2b3c');
    expect(eventArchiveFor(config)).toBeDefined();
    expect(() => loadConfig({ ...env, EVENTS_BUCKET: 's3://Not A Bucket' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, EVENTS_BUCKET: 's3://Not A Bucket' })).toThrow(/EVENTS_BUCKET/);
  });
});

eventArchiveContract('local folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cc-archive-dir-'));
  folders.push(dataDir);
  const opened = openEventArchiveDir(dataDir);
  expect(opened.dir).toBe(join(dataDir, 'analytics'));
  return {
    archive: opened.archive,
    read: async (key) => new Uint8Array(await readFile(join(opened.dir, key))),
  };
});

describe('local archive folder', () => {
  it('without a data folder, writes to a temporary folder that stop removes', async () => {
    const opened = openEventArchiveDir();
    await opened.archive.put(archiveKey(START), new Uint8Array([1]));
    expect(existsSync(join(opened.dir, archiveKey(START)))).toBe(true);
    opened.stop();
    expect(existsSync(opened.dir)).toBe(false);
  });

  it('refuses a key that leaves the folder', async () => {
    const opened = openEventArchiveDir();
    await expect(opened.archive.put('../escape.jsonl.gz', new Uint8Array([1]))).rejects.toThrow(/leaves/);
    opened.stop();
  });
});
