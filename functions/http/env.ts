// Hono environment types: what middleware puts on the context for the handlers after it.
import type { ApiKey } from '../domain/integrations/api-key.js';
import type { User } from '../domain/model.js';
import type { SessionClaims } from '../domain/session.js';

/** Form parameters of a Twilio webhook; repeated keys keep every value. */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

export interface ApiEnv {
  Variables: {
    /** The authenticated user, loaded fresh from the store on every request. */
    user: User;
    session: SessionClaims;
    /** The outside system's key, on the routes API keys call (never beside a user). */
    apiKey: ApiKey;
  };
}

export interface TwilioEnv {
  Variables: {
    twilioParams: TwilioParams;
  };
}
