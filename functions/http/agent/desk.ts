// What the agent and supervisor routes ask of the server: one interface, so the routes stay thin and the
// rules (what an agent may do in which state) live in one place. Built by createAgentDesk (desk-impl.ts).
import type { z } from '@hono/zod-openapi';
import type { User } from '../../domain/model.js';
import type {
  AcceptSchema,
  AgentStatusSchema,
  AgentTextSchema,
  BlacklistRequestBody,
  BlacklistRequestSchema,
  CallActionSchema,
  CallDispositionsSchema,
  ConferenceBody,
  DialBody,
  HeartbeatSchema,
  HoldBody,
  InternalCallBody,
  InternalCallSchema,
  MissedCallSchema,
  MuteBody,
  StateBody,
  TokenSchema,
  TransferBody,
  WaitingCallSchema,
  WrapUpBody,
} from '../api/agent-schemas.js';
import type {
  AgentBoardSchema,
  DecisionBody,
  ForceStateBody,
  SupervisorCallSchema,
  WallboardSchema,
} from '../api/supervisor-schemas.js';

type Out<T extends z.ZodType> = z.infer<T>;

export interface AgentDesk {
  token(user: User, ttlSeconds?: number): Promise<Out<typeof TokenSchema>>;
  status(user: User): Promise<Out<typeof AgentStatusSchema>>;
  setState(user: User, body: Out<typeof StateBody>): Promise<Out<typeof AgentStatusSchema>>;
  endWrapUp(user: User): Promise<Out<typeof AgentStatusSchema>>;
  setSkills(user: User, skills: readonly string[]): Promise<Out<typeof AgentStatusSchema>>;
  heartbeat(user: User): Promise<Out<typeof HeartbeatSchema>>;
  accept(
    user: User,
    reservationSid: string,
    options?: { readonly ringAgain?: boolean },
  ): Promise<Out<typeof AcceptSchema>>;
  reject(user: User, reservationSid: string): Promise<void>;
  hold(user: User, body: Out<typeof HoldBody>): Promise<Out<typeof CallActionSchema>>;
  mute(user: User, body: Out<typeof MuteBody>): Promise<Out<typeof CallActionSchema>>;
  transfer(user: User, body: Out<typeof TransferBody>): Promise<Out<typeof CallActionSchema>>;
  completeTransfer(user: User): Promise<Out<typeof CallActionSchema>>;
  cancelTransfer(user: User): Promise<Out<typeof CallActionSchema>>;
  conference(user: User, body: Out<typeof ConferenceBody>): Promise<Out<typeof CallActionSchema>>;
  leave(user: User): Promise<Out<typeof CallActionSchema>>;
  hangup(user: User): Promise<Out<typeof CallActionSchema>>;
  rejoin(user: User): Promise<Out<typeof CallActionSchema>>;
  dial(user: User, body: Out<typeof DialBody>): Promise<Out<typeof CallActionSchema>>;
  internalCall(user: User, body: Out<typeof InternalCallBody>): Promise<Out<typeof InternalCallSchema>>;
  missedCalls(user: User): Promise<Out<typeof MissedCallSchema>[]>;
  /** The text conversations I hold and have not ended. */
  texts(user: User): Promise<Out<typeof AgentTextSchema>[]>;
  queue(user: User): Promise<Out<typeof WaitingCallSchema>[]>;
  pick(user: User, taskSid: string): Promise<Out<typeof CallActionSchema>>;
  dispositions(callSid: string): Promise<Out<typeof CallDispositionsSchema>>;
  wrapUpNotes(
    user: User,
    callSid: string,
    body: Out<typeof WrapUpBody>,
  ): Promise<{ callSid: string; disposition?: string; notes?: string }>;
  requestBlacklist(
    user: User,
    body: Out<typeof BlacklistRequestBody>,
  ): Promise<Out<typeof BlacklistRequestSchema>>;
  wallboard(): Promise<Out<typeof WallboardSchema>>;
  monitor(
    user: User,
    callSid: string,
    mode: 'monitor' | 'whisper' | 'barge',
  ): Promise<Out<typeof SupervisorCallSchema>>;
  takeOver(user: User, callSid: string): Promise<Out<typeof SupervisorCallSchema>>;
  forceHangup(user: User, callSid: string): Promise<void>;
  forceState(
    user: User,
    agentId: string,
    body: Out<typeof ForceStateBody>,
  ): Promise<Out<typeof AgentBoardSchema>>;
  blacklistRequests(): Promise<Out<typeof BlacklistRequestSchema>[]>;
  decideBlacklist(
    user: User,
    id: string,
    body: Out<typeof DecisionBody>,
  ): Promise<Out<typeof BlacklistRequestSchema>>;
}
