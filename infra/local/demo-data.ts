// The demo data set of the local stack as typed data: staff, customers, what they own, their
// policies, tickets and tasks. Loaded by demo-loader.ts; the README lists the logins.
import { DEMO_ASSETS } from './demo/assets.js';
import { DEMO_TASKS, DEMO_TICKETS } from './demo/cases.js';
import { DEMO_CUSTOMERS } from './demo/customers.js';
import { DEMO_POLICIES } from './demo/policies.js';
import { DEMO_PROVIDERS } from './demo/providers.js';
import { DEMO_SMS_TEMPLATES } from './demo/sms-templates.js';
import { DEMO_USERS } from './demo/users.js';

export type { DemoAsset, DemoCustomer, DemoPolicy, DemoTask, DemoTicket, DemoUser } from './demo/types.js';

export const DEMO_DATA = {
  /** The toll-free number callers ring in the demo. */
  hotline: '+18005550100',
  users: DEMO_USERS,
  customers: DEMO_CUSTOMERS,
  assets: DEMO_ASSETS,
  policies: DEMO_POLICIES,
  tickets: DEMO_TICKETS,
  tasks: DEMO_TASKS,
  /** Tow trucks, repair shops and IT partners the dispatch picks from. */
  providers: DEMO_PROVIDERS,
  /** The texts agents start an SMS from. */
  smsTemplates: DEMO_SMS_TEMPLATES,
} as const;
