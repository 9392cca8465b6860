// Skill-based routing as data: queues (skills), agent activities and the rules the TaskRouter workflow
// is generated from (functions/domain/routing/workflow.ts). Provisioned into the twin at local start and
// into Twilio by the CDK provisioning step, by the same function.
import type { RoutingConfig } from '../functions/domain/routing/types.js';

export const routing = {
  workspace: 'Contact Center',
  workflow: 'Inbound calls',
  languages: ['zh', 'en'],
  activities: [
    { name: 'Available', available: true },
    { name: 'Busy', available: false },
    { name: 'Break', available: false },
    { name: 'Wrap-up', available: false },
    // Where an agent who let a call ring out (or declined it, or lost the page) lands: not offered the
    // next caller until they clear it on the desk.
    { name: 'Missed', available: false },
    { name: 'Offline', available: false },
  ],
  roles: { available: 'Available', wrapUp: 'Wrap-up', offline: 'Offline', missed: 'Missed' },
  queues: [
    { name: 'claims', description: 'Claims 理赔', overflow: 'general' },
    { name: 'complaints', description: 'Complaints 投诉', strategy: 'fewest-calls', overflow: 'general' },
    { name: 'policy', description: 'Policy questions 保单', overflow: 'general' },
    { name: 'general', description: 'General inquiries 一般咨询', overflow: 'support' },
    // Emergencies go to the first free dispatcher: no waiting for the member's own agent.
    { name: 'rescue', description: 'Roadside rescue 救援调度', ownerFirst: false, overflow: 'general' },
    { name: 'support', description: 'IT support 技术支持', strategy: 'fewest-calls', overflow: 'general' },
  ],
  vipPriority: { none: 0, silver: 5, gold: 10, platinum: 15 },
  ownerAgentSeconds: 20,
  regionSeconds: 15,
  overflowAfterSeconds: 60,
  maxWaitSeconds: 180,
  maxQueueLength: 20,
  wrapUpSeconds: 30,
  ringSeconds: 15,
  callbackRetryMinutes: 10,
  averageHandleSeconds: 120,
  announceEverySeconds: 30,
  holdMusicUrl: 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3',
  regionsByPrefix: {
    '+8621': 'east-china',
    '+86571': 'east-china',
    '+8625': 'east-china',
    '+8610': 'north-china',
    '+8622': 'north-china',
    '+8620': 'south-china',
    '+86755': 'south-china',
    '+8628': 'west-china',
    '+8623': 'west-china',
    '+1': 'us',
  },
} as const satisfies RoutingConfig;
