// Call queues (docs/twilio-behaviour.md §3.6): created on first <Enqueue>, default size 1000 (100 for TaskRouter workflow
// queues, named after the Workflow SID), FIFO members with their wait times, signals for waiting dequeuers.
import { newSid } from '../rest-common.js';
import { Signal } from './call-control.js';
import type { Call } from './types.js';

export type QueueResult =
  | 'bridged'
  | 'bridging-in-process'
  | 'error'
  | 'hangup'
  | 'leave'
  | 'redirected'
  | 'redirected-from-bridged'
  | 'queue-full'
  | 'system-error';

export interface QueueMember {
  readonly call: Call;
  readonly queue: CallQueue;
  readonly enqueuedAt: number;
  state: 'waiting' | 'bridging' | 'bridged' | 'done';
  /** Fired on every change of state; the waiting <Enqueue> replaces it after looking. */
  changed: Signal;
  result?: QueueResult;
  taskSid?: string;
  /** When the caller stopped waiting (bridged), so QueueTime excludes the talk time. */
  leftAt?: number;
}

export interface CallQueue {
  readonly sid: string;
  friendlyName: string;
  maxSize: number;
  readonly dateCreated: number;
  dateUpdated: number;
  readonly members: QueueMember[];
  /** Fired when someone joins, for a <Dial><Queue> waiting on an empty queue. */
  joined: Signal;
}

export class QueueStore {
  readonly queues = new Map<string, CallQueue>();

  constructor(private readonly now: () => number) {}

  byName(name: string): CallQueue | undefined {
    for (const q of this.queues.values()) if (q.friendlyName === name) return q;
    return undefined;
  }

  create(friendlyName: string, maxSize: number): CallQueue {
    const now = this.now();
    const q: CallQueue = {
      sid: newSid('QU'),
      friendlyName,
      maxSize,
      dateCreated: now,
      dateUpdated: now,
      members: [],
      joined: new Signal(),
    };
    this.queues.set(q.sid, q);
    return q;
  }

  getOrCreate(friendlyName: string, maxSize: number): CallQueue {
    return this.byName(friendlyName) ?? this.create(friendlyName, maxSize);
  }

  add(queue: CallQueue, call: Call): QueueMember {
    const member: QueueMember = {
      call,
      queue,
      enqueuedAt: this.now(),
      state: 'waiting',
      changed: new Signal(),
    };
    queue.members.push(member);
    queue.dateUpdated = this.now();
    call.queueSid = queue.sid;
    queue.joined.fire();
    queue.joined = new Signal();
    return member;
  }

  remove(member: QueueMember): void {
    const i = member.queue.members.indexOf(member);
    if (i >= 0) member.queue.members.splice(i, 1);
    member.queue.dateUpdated = this.now();
    if (member.call.queueSid === member.queue.sid) member.call.queueSid = undefined;
  }

  memberOf(call: Call): QueueMember | undefined {
    for (const q of this.queues.values()) for (const m of q.members) if (m.call === call) return m;
    return undefined;
  }

  firstWaiting(queue: CallQueue): QueueMember | undefined {
    return queue.members.find((m) => m.state === 'waiting');
  }

  /** 1-based position among members, as QueuePosition. */
  position(member: QueueMember): number {
    return member.queue.members.indexOf(member) + 1;
  }

  waitSeconds(member: QueueMember): number {
    return Math.round(((member.leftAt ?? this.now()) - member.enqueuedAt) / 1000);
  }

  /** Average wait of the members now in the queue, in seconds (Twilio computes it at request time). */
  averageWait(queue: CallQueue): number {
    if (!queue.members.length) return 0;
    const total = queue.members.reduce((s, m) => s + (this.now() - m.enqueuedAt), 0);
    return Math.round(total / queue.members.length / 1000);
  }

  /** Marks a change and wakes the member's <Enqueue>. */
  poke(member: QueueMember): void {
    member.changed.fire();
  }
}
