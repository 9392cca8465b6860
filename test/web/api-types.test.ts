// The browser names the task requests with domain types only (web/src/api.ts); these checks hold those
// names to the server's request schemas. The type checks fail `tsc`; the parses fail the run.
import type { z } from '@hono/zod-openapi';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { NewTaskBody, TaskPatchBody } from '../../functions/http/api/task-schemas.js';
import type { NewTask, TaskPatch } from '../../web/src/api.js';

/** The fields of a type, with intersections flattened, so two ways of writing one shape compare equal. */
type Shape<T> = { [K in keyof T]: T[K] };

describe('the task requests the browser sends', () => {
  it('have the fields the server schemas accept, no more and no fewer', () => {
    expectTypeOf<Shape<NewTask>>().toEqualTypeOf<Shape<Readonly<z.input<typeof NewTaskBody>>>>();
    expectTypeOf<Shape<TaskPatch>>().toEqualTypeOf<Shape<Readonly<z.input<typeof TaskPatchBody>>>>();
  });

  it('pass the server schemas when filled in completely', () => {
    const task: Required<NewTask> = {
      kind: 'callback',
      dueAt: '2026-11-24T02:30:00.000Z',
      customerId: 'CUST-1',
      ticketNumber: 'CLM-2026-000123',
      phone: '+14155550123',
      assigneeId: 'a1',
      queue: 'general',
      maxAttempts: 3,
      note: 'Confirm the repair date',
      autoDial: true,
      callerId: HOTLINE_NUMBERS[0]?.number ?? '',
      language: 'en',
    };
    const patch: Required<TaskPatch> = {
      version: 2,
      status: 'done',
      dueAt: '2026-11-24T02:30:00.000Z',
      assigneeId: 'a1',
      note: 'Called back',
      attempts: 1,
      lastAttemptAt: '2026-11-24T02:31:00.000Z',
      autoDial: false,
    };
    expect(TaskPatchBody.safeParse(patch).error).toBeUndefined();
    expect(NewTaskBody.safeParse(task).error).toBeUndefined();
  });
});
