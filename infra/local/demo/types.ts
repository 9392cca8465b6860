// Shapes of the demo data: the Store's inputs with stable ids, so a second load can recognise
// everything it already wrote and skip it.
import type { TicketStatus } from '../../../functions/domain/model.js';
import type {
  NewAsset,
  NewCustomer,
  NewPolicy,
  NewTask,
  NewTicket,
  NewUser,
} from '../../../functions/domain/ports.js';

/** A user with the plain demo password (hashed with scrypt on load; documented in the README). */
export type DemoUser = Omit<NewUser, 'passwordHash'> & { readonly password: string };

export type DemoCustomer = NewCustomer & { readonly id: string };

export type DemoAsset = NewAsset & { readonly id: string };

export type DemoPolicy = NewPolicy;

/**
 * Tickets get their numbers from the counter, so they have no stable id: a demo ticket is
 * recognised by customer + subject. It is created as `new` and walked to `status` through the
 * workflow, so its history reads as it would in real use.
 */
export type DemoTicket = Omit<NewTicket, 'status' | 'customerId'> & {
  readonly customerId: string;
  readonly status: TicketStatus;
  /** Who opened it (a demo user id, or 'ivr'). */
  readonly by: string;
  readonly notes?: readonly string[];
};

/** Tasks are recognised by customer + note; `dueInMinutes` counts from the load time. */
export type DemoTask = Omit<NewTask, 'dueAt' | 'customerId' | 'note'> & {
  readonly customerId: string;
  readonly note: string;
  readonly dueInMinutes: number;
};
