// The logger port on Powertools for AWS Lambda: one JSON line per entry (level, message, service,
// timestamp, then the request's keys and the entry's fields), written to stdout and stderr, which Lambda
// ships to the function's log group. Lambda entries also hand it each invocation's context.
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '../../config.js';
import type { LogFields, Logger } from '../../domain/logger.js';

/** What Powertools reads from Lambda's context object; the handlers' second argument has all of it. */
export interface LambdaInvocationContext {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
}

/** The logger a Lambda entry holds: the port, plus the invocation's request id and cold start. */
export interface LambdaLogger extends Logger {
  /** Puts the invocation's request id, function name and cold-start flag on every line of it. */
  addContext(context: LambdaInvocationContext): void;
}

export interface PowertoolsLoggerOptions {
  /** `service` on every line. @default 'contact-center' */
  readonly serviceName?: string;
  /** In AWS, the function's Advanced Logging Controls level wins when it is stricter. @default 'INFO' */
  readonly logLevel?: LogLevel;
}

export function createPowertoolsLogger(options: PowertoolsLoggerOptions = {}): LambdaLogger {
  const logger = new PowertoolsLogger({
    serviceName: options.serviceName ?? 'contact-center',
    logLevel: options.logLevel ?? 'INFO',
  });
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void =>
      fields ? logger[level](message, fields) : logger[level](message);
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    appendKeys: (keys) => logger.appendKeys(keys),
    removeKeys: (keys) => logger.removeKeys([...keys]),
    // Powertools types this as the whole Lambda context; it reads only the fields named above.
    addContext: (context) => logger.addContext(context as Parameters<PowertoolsLogger['addContext']>[0]),
  };
}

/**
 * Wraps a Lambda handler so each invocation's lines carry its request id and cold start, as Powertools'
 * injectLambdaContext middleware would, without bringing in Middy.
 */
export function withInvocationContext<H extends (event: never, context?: never) => unknown>(
  logger: LambdaLogger,
  handler: H,
): H {
  const wrapped = (event: never, context?: LambdaInvocationContext) => {
    if (context) logger.addContext(context);
    return handler(event, context as never);
  };
  return wrapped as unknown as H;
}
