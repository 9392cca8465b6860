// The pending timers of a clock, earliest first (ties in the order they were scheduled): a binary heap,
// so a busy twin's thousands of call, reservation and job timers stay cheap to schedule and take.

export interface Timer {
  readonly time: number;
  readonly seq: number;
  readonly fn: () => void | Promise<void>;
  state: 'pending' | 'taken' | 'cancelled';
}

export function createTimerQueue() {
  const heap: Timer[] = [];
  let seq = 0;
  let pending = 0;
  const before = (a: Timer, b: Timer) => a.time < b.time || (a.time === b.time && a.seq < b.seq);
  const swap = (i: number, j: number) => {
    const t = heap[i] as Timer;
    heap[i] = heap[j] as Timer;
    heap[j] = t;
  };
  function pop(): void {
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && before(heap[l] as Timer, heap[min] as Timer)) min = l;
      if (r < heap.length && before(heap[r] as Timer, heap[min] as Timer)) min = r;
      if (min === i) return;
      swap(i, min);
      i = min;
    }
  }
  /** Cancelled timers wait in the heap until they come up; drop them once they are most of it. */
  function compact(): void {
    if (heap.length < 64 || pending * 2 > heap.length) return;
    const kept = heap.filter((t) => t.state === 'pending').sort((a, b) => (before(a, b) ? -1 : 1));
    heap.length = 0;
    heap.push(...kept); // a sorted array is a heap
  }
  function head(): Timer | undefined {
    while (heap[0] && heap[0].state !== 'pending') pop();
    return heap[0];
  }
  return {
    add(time: number, fn: Timer['fn']): { cancel(): void } {
      const timer: Timer = { time, seq: seq++, fn, state: 'pending' };
      heap.push(timer);
      pending++;
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
        swap(i, parent);
        i = parent;
      }
      return {
        cancel() {
          if (timer.state !== 'pending') return;
          timer.state = 'cancelled';
          pending--;
          compact();
        },
      };
    },
    /** Removes and returns the first timer due at or before `limit`. */
    take(limit: number): Timer | undefined {
      const first = head();
      if (!first || first.time > limit) return undefined;
      pop();
      first.state = 'taken';
      pending--;
      return first;
    },
    earliest: (): number | undefined => head()?.time,
    size: () => pending,
  };
}
