// Fakes of what the connection layer drives: a WebSocket, and the Voice SDK Device/Call and the
// TaskRouter Worker/Reservation with the events their documentation lists (docs/twilio-behaviour.md §4.12, §9).
import { EventEmitter } from 'node:events';
import type { SocketLike } from '../../../web/src/connection/local-connection.js';
import type { AgentToken } from '../../../web/src/connection/types.js';

export function token(n: number, expiresInMs: number, mode: 'local' | 'twilio' = 'local'): AgentToken {
  return {
    token: `jwt-${n}`,
    identity: 'agent_1001',
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    mode,
    ...(mode === 'local' ? { linkUrl: '/twin/agent-link' } : {}),
  };
}

export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | undefined;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }
  /** The server accepted the token and said ready. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
    this.receive({ type: 'ready', identity: 'agent_1001' });
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** The server or the network dropped the socket. */
  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  get token(): string | null {
    return new URL(this.url).searchParams.get('token');
  }
}

export class FakeCall extends EventEmitter {
  accepted = false;
  rejected = false;
  disconnected = false;
  readonly customParameters: Map<string, string>;
  constructor(
    readonly parameters: Record<string, string>,
    custom: Record<string, string> = {},
  ) {
    super();
    this.customParameters = new Map(Object.entries(custom));
  }
  accept(): void {
    this.accepted = true;
    this.emit('accept', this);
  }
  reject(): void {
    this.rejected = true;
    this.emit('reject');
  }
  disconnect(): void {
    this.disconnected = true;
    this.emit('disconnect', this);
  }
}

export class FakeDevice extends EventEmitter {
  static all: FakeDevice[] = [];
  state = 'unregistered';
  tokens: string[] = [];
  registerCalls = 0;
  failRegister = false;
  destroyed = false;
  constructor(
    token: string,
    readonly options: Record<string, unknown>,
  ) {
    super();
    this.tokens.push(token);
    FakeDevice.all.push(this);
  }
  async register(): Promise<void> {
    this.registerCalls += 1;
    if (this.failRegister) throw new Error('signaling unreachable');
    this.state = 'registered';
    this.emit('registered');
  }
  updateToken(token: string): void {
    this.tokens.push(token);
  }
  destroy(): void {
    this.destroyed = true;
    this.state = 'destroyed';
  }
  /** Signalling lost (sleeping tab, network change). */
  lose(): void {
    this.state = 'unregistered';
    this.emit('unregistered');
  }
}

export class FakeReservation extends EventEmitter {
  constructor(
    readonly sid: string,
    readonly task: { sid: string; attributes: Record<string, unknown> },
  ) {
    super();
  }
}

export class FakeWorker extends EventEmitter {
  static all: FakeWorker[] = [];
  tokens: string[] = [];
  activity = { name: 'Offline' };
  disconnected = false;
  constructor(
    token: string,
    readonly options: Record<string, unknown>,
  ) {
    super();
    this.tokens.push(token);
    FakeWorker.all.push(this);
  }
  updateToken(token: string): void {
    this.tokens.push(token);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  setActivity(name: string): void {
    this.activity = { name };
    this.emit('activityUpdated', this);
  }
}
