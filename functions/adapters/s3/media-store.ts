// The MediaStore port on S3 (s3rver locally): uploads carry Content-MD5 (S3 rejects a body damaged in
// transit) and our SHA-256 as metadata; reads return the bytes, and a digest hashes them as they stream
// in, so callers can verify what was stored.
// The bucket's default encryption (SSE-KMS with the data key) applies to every object.
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStore } from '../../domain/channel-ports.js';

export interface S3MediaStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /**
   * Time the presigner signs with. Real time by default even when the app runs on a manual clock: the
   * URL is checked by S3 (or s3rver) against the real clock.
   */
  readonly signingTime?: () => number;
}

function notFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

export function createS3MediaStore(options: S3MediaStoreOptions): MediaStore {
  const { client, bucket } = options;
  return {
    async put(key, body, meta) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: meta.contentType,
          ContentLength: body.byteLength,
          ContentMD5: createHash('md5').update(body).digest('base64'),
          Metadata: { sha256: meta.sha256 },
        }),
      );
    },

    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const sha256 = out.Metadata?.sha256;
        return { size: out.ContentLength ?? 0, ...(sha256 ? { sha256 } : {}) };
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },

    async read(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },

    async digest(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of (out.Body ?? []) as AsyncIterable<Uint8Array>) {
          hash.update(chunk);
          size += chunk.byteLength;
        }
        return { size, sha256: hash.digest('hex') };
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },

    presignGet(key, ttlSeconds) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: ttlSeconds,
        signingDate: new Date(options.signingTime?.() ?? Date.now()),
      });
    },
  };
}
