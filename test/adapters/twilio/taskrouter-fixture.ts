// What a TaskRouterPort implementation hands the contract suite for each test: the port, a workspace
// of its own, and the things the port cannot create (workers, a live call, an answering agent).
import type { Attributes, TaskRouterPort } from '../../../functions/domain/taskrouter-port.js';

export interface NamedSid {
  readonly sid: string;
  readonly name: string;
}

export interface TaskRouterFixture {
  readonly port: TaskRouterPort;
  /** A workspace of its own for this test, holding no workers or tasks yet. */
  readonly workspaceSid: string;
  /** Routes every task on every channel to `queue`. */
  readonly workflowSid: string;
  /** Targets every worker of the workspace. */
  readonly queue: NamedSid;
  readonly activities: { readonly available: NamedSid; readonly offline: NamedSid };
  addWorker(
    name: string,
    options?: { readonly available?: boolean; readonly attributes?: Attributes },
  ): Promise<string>;
  /** Adds `count` offline workers at once, enough to fill more than one page of a list. */
  addWorkers(count: number): Promise<void>;
  /** A call that is up and stays up: the call a voice task carries in its `call_sid` attribute. */
  liveCall(): Promise<string>;
  /** Our number, the caller ID on legs the provider dials for us. */
  readonly callerId: string;
  /** An address that answers when dialed, standing in for an agent's phone. */
  readonly agentAddress: string;
  /** The provider's time (epoch ms). */
  now(): number;
  /** Lets the provider's time run on; with a manual clock, at once. */
  advance(seconds: number): Promise<void>;
  /** Waits until the provider has finished what it does on its own (dialing, bridging). */
  settle(): Promise<void>;
  teardown(): Promise<void>;
}

export const UNKNOWN_WORKER = `WK${'0'.repeat(32)}`;
export const UNKNOWN_TASK = `WT${'0'.repeat(32)}`;
export const UNKNOWN_RESERVATION = `WR${'0'.repeat(32)}`;
