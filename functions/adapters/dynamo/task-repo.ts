// Follow-up work (callbacks, visits, outbound calls): listed by customer and assignee, and open
// tasks in a sparse "due" index so the scheduler finds what is due without scanning.
import type { Task } from '../../domain/model.js';
import type { Clock, NewTask, Page, PageRequest, TaskRepo, WriteResult } from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
import * as keys from './keys.js';
import {
  fromItem,
  getItem,
  type Item,
  mapPage,
  putIf,
  queryAll,
  queryPage,
  type TableAccess,
} from './table-access.js';
import { compact, versionedReplace } from './versioned.js';

function toItem(task: Task): Item {
  const sortKey = keys.byTime(task.dueAt, task.id);
  const open = task.status === 'open' || task.status === 'in-progress';
  return compact({
    ...task,
    pk: keys.task(task.id),
    sk: keys.ITEM_SK,
    entity: 'task',
    gsi1pk: task.customerId ? keys.customerItems(task.customerId) : undefined,
    gsi1sk: task.customerId ? keys.listed('task', sortKey) : undefined,
    gsi2pk: task.status === 'open' ? keys.OPEN_TASKS : undefined,
    gsi2sk: task.status === 'open' ? sortKey : undefined,
    gsi3pk: task.assigneeId && open ? keys.assignee(task.assigneeId) : undefined,
    gsi3sk: task.assigneeId && open ? keys.listed('task', sortKey) : undefined,
  });
}

export function createTaskRepo(t: TableAccess, clock: Clock): TaskRepo {
  return {
    async create(input: NewTask): Promise<WriteResult<Task>> {
      const now = new Date(clock.now()).toISOString();
      const task: Task = compact({
        ...input,
        id: timeSortableId(clock.now()),
        status: input.status ?? 'open',
        attempts: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      if (!(await putIf(t, toItem(task), 'attribute_not_exists(pk)'))) {
        return { ok: false, reason: 'duplicate', field: 'id', value: task.id };
      }
      return { ok: true, value: task };
    },

    async get(id: string): Promise<Task | undefined> {
      const item = await getItem(t, keys.task(id));
      return item ? fromItem<Task>(item) : undefined;
    },

    update(id, expectedVersion, patch): Promise<WriteResult<Task>> {
      const now = new Date(clock.now()).toISOString();
      return versionedReplace<Task>(t, keys.task(id), expectedVersion, (current) =>
        toItem(compact({ ...current, ...patch, updatedAt: now })),
      );
    },

    async dueBefore(at: string, page?: PageRequest): Promise<Page<Task>> {
      return mapPage<Task>(
        await queryPage(t, { index: 'gsi2', pk: keys.OPEN_TASKS, skBetween: keys.atOrBefore(at) }, page),
      );
    },

    async byCustomer(customerId: string): Promise<Task[]> {
      const items = await queryAll(t, {
        index: 'gsi1',
        pk: keys.customerItems(customerId),
        skPrefix: keys.listedPrefix('task'),
      });
      return items.map((i) => fromItem<Task>(i));
    },

    async byAssignee(userId: string, page?: PageRequest): Promise<Page<Task>> {
      return mapPage<Task>(
        await queryPage(
          t,
          { index: 'gsi3', pk: keys.assignee(userId), skPrefix: keys.listedPrefix('task') },
          page,
        ),
      );
    },
  };
}
