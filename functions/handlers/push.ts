// Lambda entry for API Gateway's WebSocket API, the push channel in AWS: $connect checks the page's ticket
// and stores the connection, $default takes the page's keep-alive, $disconnect forgets the connection.
// Sending to pages is not done here: every function that changes something posts to the management
// endpoint itself (api-gateway-push.ts). Only the session key is read, the one secret a ticket needs.
import { createPowertoolsLogger, withInvocationContext } from '../adapters/logging/powertools-logger.js';
import { connectPush, disconnectPush, keepPushAlive, sessionRevokedIn } from '../app/push.js';
import { loadConfig } from '../config.js';
import type { Logger } from '../domain/logger.js';
import { type Clock, type Store, systemClock } from '../domain/ports.js';
import { PUSH_KEEPALIVE } from '../domain/push.js';
import { resolveSecret, secretsManagerReader } from './secrets.js';
import { lambdaStore } from './webhook-deps.js';

/** The parts of API Gateway's WebSocket event (APIGatewayProxyWebsocketEventV2) the channel reads. */
export interface WebSocketEvent {
  readonly requestContext?: { readonly routeKey?: string; readonly connectionId?: string };
  readonly queryStringParameters?: Readonly<Record<string, string | undefined>> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
}

export interface WebSocketResult {
  readonly statusCode: number;
  readonly body?: string;
}

interface PushHandlerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly sessionKey: string;
}

const answer = (statusCode: number, body?: string): WebSocketResult =>
  body ? { statusCode, body } : { statusCode };

function pushHandler(deps: PushHandlerDeps) {
  const { logger } = deps;
  const sessionRevoked = sessionRevokedIn(deps.store);
  return async (event: WebSocketEvent): Promise<WebSocketResult> => {
    const routeKey = event.requestContext?.routeKey;
    const connectionId = event.requestContext?.connectionId;
    if (!connectionId) return answer(400, 'No connection id: only API Gateway’s WebSocket API calls this.');
    switch (routeKey) {
      case '$connect': {
        const query = event.queryStringParameters ?? {};
        const outcome = await connectPush(
          { ...deps, sessionRevoked },
          { connectionId, ticket: query.ticket, phone: query.phone === '1' },
        );
        if ('refused' in outcome) {
          // Never the ticket itself: it names the session it was issued under.
          logger.info('push connection refused', { connectionId, reason: outcome.refused });
          return answer(401, outcome.refused);
        }
        logger.info('push connected', { connectionId, userId: outcome.userId, phone: outcome.phone });
        return answer(200);
      }
      case '$disconnect':
        await disconnectPush(deps, connectionId);
        logger.info('push disconnected', { connectionId });
        return answer(200);
      case '$default': {
        const body = event.isBase64Encoded
          ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
          : (event.body ?? '');
        if (body.trim() !== PUSH_KEEPALIVE)
          return answer(400, `The push channel accepts only the text '${PUSH_KEEPALIVE}'.`);
        if (await keepPushAlive(deps, connectionId)) return answer(200);
        // Expired or never stored: the page gets nothing pushed until it opens the channel again.
        logger.info('push keep-alive for an unknown connection', { connectionId });
        return answer(410, 'Unknown connection: open the push channel again with a new ticket.');
      }
      default:
        return answer(400, `Unknown route "${routeKey ?? ''}": only $connect, $disconnect and $default.`);
    }
  };
}

async function lambdaPushDeps() {
  const config = loadConfig();
  return {
    store: lambdaStore(config),
    clock: systemClock,
    logger: createPowertoolsLogger({ logLevel: config.logLevel }),
    sessionKey: await resolveSecret(
      config.session.key,
      'SESSION_KEY_SECRET_ID',
      secretsManagerReader(config.region),
    ),
  };
}

const deps = await lambdaPushDeps();
export const handler = withInvocationContext(deps.logger, pushHandler(deps));
