// s3rver in this process: S3's API over HTTP on a random local port, objects stored as files.
import S3rver from 's3rver';
import type { EmbeddedServer } from './dynalite-server.js';

/** Serves `directory` and creates `bucket` in it if missing. */
export async function startS3(directory: string, bucket: string): Promise<EmbeddedServer> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
