// Picks the implementation the token endpoint names. The Twilio one is imported lazily: local mode
// never loads it or the SDKs behind it.
import { createLocalConnection } from './local-connection.js';
import type { AgentConnection, AgentToken, TokenFetcher } from './types.js';

export async function openConnection(token: AgentToken, fetchToken: TokenFetcher): Promise<AgentConnection> {
  if (token.mode === 'local') return createLocalConnection({ token, fetchToken });
  const { createTwilioConnection } = await import('./twilio-connection.js');
  return createTwilioConnection({ token, fetchToken });
}
