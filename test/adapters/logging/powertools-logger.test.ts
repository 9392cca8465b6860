// The Powertools adapter of the logger port: one JSON line per entry with the service, level and message,
// the request's keys until they are removed, the entry's fields; lines below the level are dropped; a
// Lambda entry's invocation context adds the request id.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPowertoolsLogger,
  withInvocationContext,
} from '../../../functions/adapters/logging/powertools-logger.js';

const CONTEXT = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'cc-webhooks',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cc-webhooks',
  memoryLimitInMB: '512',
};

describe('Powertools logger', () => {
  let out: Record<string, unknown>[];
  let err: Record<string, unknown>[];
  beforeEach(() => {
    out = [];
    err = [];
    const capture = (into: Record<string, unknown>[]) => (chunk: unknown) => {
      into.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture(out));
    vi.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON line per entry: service, level, message and the fields', () => {
    const logger = createPowertoolsLogger({ serviceName: 'cc-test' });
    logger.info('recording not completed', { recordingSid: 'RE1', status: 'absent' });
    logger.error('job failed', { messageId: 'm-1', error: 'Error: boom' });
    expect(out).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'recording not completed',
        service: 'cc-test',
        recordingSid: 'RE1',
        status: 'absent',
      }),
    ]);
    expect(typeof out[0]?.timestamp).toBe('string');
    expect(err).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'job failed',
        messageId: 'm-1',
        error: 'Error: boom',
      }),
    ]);
  });

  it('puts appended keys on every line until they are removed', () => {
    const logger = createPowertoolsLogger();
    logger.appendKeys({ correlationId: 'CA1', callSid: 'CA1' });
    logger.info('first');
    logger.warn('second', { step: 2 });
    logger.removeKeys(['correlationId', 'callSid']);
    logger.info('after');
    expect(out[0]).toMatchObject({ message: 'first', correlationId: 'CA1', callSid: 'CA1' });
    expect(err[0]).toMatchObject({ message: 'second', correlationId: 'CA1', step: 2 });
    expect(out[1]).toMatchObject({ message: 'after', service: 'contact-center' });
    expect(out[1]).not.toHaveProperty('correlationId');
    expect(out[1]).not.toHaveProperty('callSid');
  });

  it('drops lines below its level', () => {
    const logger = createPowertoolsLogger({ logLevel: 'WARN' });
    logger.debug('quiet');
    logger.info('quiet too');
    logger.warn('heard');
    expect(out).toEqual([]);
    expect(err.map((l) => l.message)).toEqual(['heard']);
  });

  it('adds the invocation request id to the lines of a wrapped handler', async () => {
    const logger = createPowertoolsLogger();
    const handler = withInvocationContext(logger, async (event: { n: number }, _context?: typeof CONTEXT) => {
      logger.info('handled', { n: event.n });
      return event.n + 1;
    });
    expect(await handler({ n: 1 }, CONTEXT)).toBe(2);
    expect(out[0]).toMatchObject({
      message: 'handled',
      n: 1,
      function_request_id: CONTEXT.awsRequestId,
      function_name: CONTEXT.functionName,
    });
    expect(out[0]).toHaveProperty('cold_start');
  });
});
