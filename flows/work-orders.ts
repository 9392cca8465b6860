// Work orders as data: the departments a ticket can be handed to, and the service levels each ticket type
// keeps, per customer tier. Checked by functions/domain/sla/policy.ts (checkWorkOrders) in the tests.
// Member and lead ids are staff ids; one not in the center's users is skipped when a ticket is handed over.
import type { WorkOrderConfig } from '../functions/domain/sla/policy.js';

export const workOrders = {
  departments: [
    {
      id: 'claims-desk',
      names: { zh: '理赔组', en: 'Claims desk' },
      members: ['1001', '1003'],
      lead: '2001',
    },
    {
      id: 'complaints-desk',
      names: { zh: '投诉处理组', en: 'Complaints desk' },
      members: ['1002'],
      lead: '2001',
    },
    {
      id: 'back-office',
      names: { zh: '后台支持', en: 'Back office' },
      members: ['1001', '1004'],
      lead: '2001',
    },
    {
      id: 'rescue-dispatch',
      names: { zh: '救援调度', en: 'Rescue dispatch' },
      members: ['1003'],
      lead: '2001',
    },
    { id: 'it-second-line', names: { zh: 'IT 二线', en: 'IT second line' }, members: ['1004'], lead: '2001' },
  ],
  // Escalations past the department lead go here.
  supervisor: '2001',
  policies: [
    {
      // A complaint is answered within 2 hours and settled within a working day; platinum and gold
      // members within 4 hours. Late: the department lead, then the supervisor by text as well.
      id: 'complaint',
      ticketType: 'complaint',
      respondMinutes: 120,
      resolveMinutes: 24 * 60,
      remindBeforeMinutes: [120],
      escalations: [
        { afterMinutes: 0, to: 'lead', by: ['desk'] },
        { afterMinutes: 240, to: 'supervisor', by: ['desk', 'sms'] },
      ],
      confirmBy: 'callback',
    },
    {
      id: 'complaint-vip',
      ticketType: 'complaint',
      tiers: ['gold', 'platinum'],
      respondMinutes: 30,
      resolveMinutes: 240,
      remindBeforeMinutes: [60, 15],
      escalations: [
        { afterMinutes: 0, to: 'lead', by: ['desk', 'sms'] },
        { afterMinutes: 60, to: 'supervisor', by: ['desk', 'sms'] },
      ],
      confirmBy: 'callback',
    },
    {
      // A claim is reviewed within three days.
      id: 'claim',
      ticketType: 'claim',
      respondMinutes: 240,
      resolveMinutes: 3 * 24 * 60,
      remindBeforeMinutes: [24 * 60],
      escalations: [
        { afterMinutes: 0, to: 'lead', by: ['desk'] },
        { afterMinutes: 24 * 60, to: 'supervisor', by: ['desk'] },
      ],
      confirmBy: 'callback',
    },
    {
      // An IT fault goes to a second-line engineer within five minutes and is fixed within a day.
      id: 'fault',
      ticketType: 'fault',
      respondMinutes: 5,
      resolveMinutes: 8 * 60,
      remindBeforeMinutes: [60],
      escalations: [
        { afterMinutes: 0, to: 'lead', by: ['desk'] },
        { afterMinutes: 120, to: 'supervisor', by: ['desk', 'sms'] },
      ],
      confirmBy: 'callback',
    },
    {
      id: 'rescue',
      ticketType: 'rescue',
      respondMinutes: 10,
      resolveMinutes: 4 * 60,
      remindBeforeMinutes: [30],
      escalations: [
        { afterMinutes: 0, to: 'lead', by: ['desk', 'sms'] },
        { afterMinutes: 60, to: 'supervisor', by: ['desk', 'sms'] },
      ],
      confirmBy: 'callback',
    },
  ],
} as const satisfies WorkOrderConfig;
