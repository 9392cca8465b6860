// The waiting tasks of one queue, kept sorted per task channel (priority first, then age in the queue's
// task_order, §4.4), so a worker that frees capacity on one channel looks only at that channel's head.
import type { Task, TaskIndex, TaskOrder } from './model.js';

interface Key {
  readonly priority: number;
  readonly vst: number;
  readonly seq: number;
}

export class QueueIndex implements TaskIndex {
  private readonly byChannel = new Map<string, Task[]>();
  private count = 0;

  constructor(private order: TaskOrder) {}

  get size(): number {
    return this.count;
  }

  /** Channel SIDs that have waiting tasks. */
  channels(): IterableIterator<string> {
    return this.byChannel.keys();
  }

  /** Waiting tasks of a channel, best first. Do not mutate. */
  list(channelSid: string): readonly Task[] {
    return this.byChannel.get(channelSid) ?? [];
  }

  all(): Task[] {
    return [...this.byChannel.values()].flat();
  }

  setOrder(order: TaskOrder): void {
    if (order === this.order) return;
    this.order = order;
    for (const list of this.byChannel.values()) list.sort((a, b) => this.compare(keyOf(a), keyOf(b)));
  }

  insert(task: Task, priority: number): void {
    if (task.indexKey) throw new Error(`task ${task.sid} is already indexed`);
    task.indexKey = { priority, vst: task.virtualStartTime };
    const key = keyOf(task);
    let list = this.byChannel.get(task.channel.sid);
    if (!list) {
      list = [];
      this.byChannel.set(task.channel.sid, list);
    }
    list.splice(this.search(list, key), 0, task);
    this.count++;
  }

  remove(task: Task): void {
    if (!task.indexKey) return;
    const list = this.byChannel.get(task.channel.sid);
    const at = list ? this.search(list, keyOf(task)) : -1;
    if (!list || list[at] !== task) throw new Error(`task ${task.sid} is not where its key says`);
    list.splice(at, 1);
    if (list.length === 0) this.byChannel.delete(task.channel.sid);
    task.indexKey = undefined;
    this.count--;
  }

  /** Negative when a goes before b. */
  compare(a: Key, b: Key): number {
    if (a.priority !== b.priority) return b.priority - a.priority;
    if (a.vst !== b.vst) return this.order === 'FIFO' ? a.vst - b.vst : b.vst - a.vst;
    return this.order === 'FIFO' ? a.seq - b.seq : b.seq - a.seq;
  }

  /** First position whose key is not before `key`. */
  private search(list: readonly Task[], key: Key): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(keyOf(list[mid] as Task), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function keyOf(task: Task): Key {
  const k = task.indexKey;
  return { priority: k?.priority ?? task.priority, vst: k?.vst ?? task.virtualStartTime, seq: task.seq };
}
