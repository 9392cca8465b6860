// Builders for valid new records, so each storage test states only what it is about.
import type { NewCustomer, NewTicket } from '../../../functions/domain/ports.js';

export function newCustomer(overrides: Partial<NewCustomer> = {}): NewCustomer {
  return {
    name: '张伟 Zhang Wei',
    phones: ['+8613800138000'],
    language: 'zh',
    vipTier: 'none',
    ...overrides,
  };
}

export function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return { type: 'claim', status: 'new', priority: 'normal', subject: 'Engine noise', ...overrides };
}
