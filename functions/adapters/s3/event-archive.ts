// The EventArchive port on S3 (the analytics bucket in AWS, s3rver in tests): one PutObject per file. The
// objects carry no Content-Encoding: Athena and DuckDB decompress by the .gz extension, and an encoding
// header would make S3 clients that honour it hand out plain text under a .gz name.
import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
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
