// The EventArchive port on S3 (the analytics bucket in AWS, s3rver in tests): one PutObject per file. The
// objects carry no Content-Encoding: Athena and DuckDB decompress by the .gz extension, and an encoding
// header would make S3 clients that honour it hand out plain text under a .gz name.
import { createHash } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AppConfig } from '../../config.js';
import type { EventArchive } from '../../domain/history/ports.js';

export interface S3EventArchiveOptions {
  readonly client: S3Client;
  readonly bucket: string;
}

export function createS3EventArchive({ client, bucket }: S3EventArchiveOptions): EventArchive {
  return {
    async put(key, gzippedJsonLines) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: gzippedJsonLines,
          ContentType: 'application/x-ndjson',
          ContentLength: gzippedJsonLines.byteLength,
          // S3 rejects a body damaged in transit instead of storing a file no reader can inflate.
          ContentMD5: createHash('md5').update(gzippedJsonLines).digest('base64'),
        }),
      );
    },
  };
}

/**
 * The archive the configuration asks for, for a handler to hand the minute job: the EVENTS_BUCKET bucket,
 * or none when it is not set (the job then archives nothing).
 */
export function eventArchiveFor(
  config: Pick<AppConfig, 'eventsBucket' | 'region' | 's3Endpoint'>,
  client?: S3Client,
): EventArchive | undefined {
  if (!config.eventsBucket) return undefined;
  const s3 =
    client ??
    new S3Client({
      region: config.region,
      ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true } : {}),
    });
  return createS3EventArchive({ client: s3, bucket: config.eventsBucket });
}
