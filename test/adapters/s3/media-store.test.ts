// The S3 media store against s3rver: what a digest reports is what was stored, hashed as it streams in.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3MediaStore } from '../../../functions/adapters/s3/media-store.js';
import type { MediaStore } from '../../../functions/domain/channel-ports.js';
import type { EmbeddedServer } from '../../../infra/local/dynalite-server.js';
import { startS3 } from '../../../infra/local/s3-server.js';

const BUCKET = 'media-test';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('S3 media store', () => {
  let dir: string;
  let server: EmbeddedServer;
  let client: S3Client;
  let media: MediaStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cc-media-'));
    server = await startS3(dir, BUCKET);
    client = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    media = createS3MediaStore({ client, bucket: BUCKET });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('digests what was stored, a recording of several megabytes as much as a few bytes', async () => {
    // Three megabytes of varying bytes: many chunks on the way in.
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31 + (i >> 10)) % 251);
    const small = new TextEncoder().encode('RIFF');
    for (const [key, body] of [
      ['recordings/big.wav', big],
      ['recordings/small.wav', small],
    ] as const) {
      await media.put(key, body, { contentType: 'audio/wav', sha256: sha(body) });
      expect(await media.digest(key)).toEqual({ size: body.byteLength, sha256: sha(body) });
      expect(await media.head(key)).toEqual({ size: body.byteLength, sha256: sha(body) });
      expect(sha((await media.read(key)) ?? new Uint8Array())).toBe(sha(body));
    }
  });

  it('has no digest for an object that is not there', async () => {
    expect(await media.digest('recordings/missing.wav')).toBeUndefined();
  });
});
