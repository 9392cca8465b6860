// The push channel's transport in AWS: API Gateway's WebSocket API holds the pages' sockets, and any
// function reaches one of them by posting to the stage's connection management endpoint
// (`<callbackUrl>/@connections/<id>`). A connection API Gateway no longer has answers 410 Gone: the page
// closed without its $disconnect reaching us, so the caller forgets it.
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { PushMessage, PushTransport } from '../../domain/push.js';

export interface ApiGatewayPushOptions {
  /** The stage's https:// management URL (config.push.callbackUrl), stage name included. */
  readonly endpoint: string;
  readonly region: string;
}

export function createApiGatewayPush(
  options: ApiGatewayPushOptions,
  client: ApiGatewayManagementApiClient = new ApiGatewayManagementApiClient({
    endpoint: options.endpoint,
    region: options.region,
  }),
): PushTransport {
  return {
    async send(connectionId: string, message: PushMessage) {
      try {
        await client.send(
          new PostToConnectionCommand({
            ConnectionId: connectionId,
            Data: new TextEncoder().encode(JSON.stringify(message)),
          }),
        );
        return 'sent';
      } catch (error) {
        // The SDK names the 410 GoneException; a proxy or an older endpoint may give only the status.
        if (error instanceof GoneException || httpStatusOf(error) === 410) return 'gone';
        throw error;
      }
    },
  };
}

function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}
