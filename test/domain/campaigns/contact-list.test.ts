// Reading contact lists: numbers in E.164 whatever way they were written, every row that cannot be called
// named with its row, line and reason, compliance lists applied, and the refusals that name what to fix.
import { describe, expect, it } from 'vitest';
import { MAX_CONTACT_ROWS, readContactList } from '../../../functions/domain/campaigns/contact-list.js';

const cn = { defaultCountry: 'CN' } as const;

describe('readContactList', () => {
  it('takes good rows, keeping the known columns and every other one as a variable', () => {
    const read = readContactList(
      'Phone,Name,Tier,Customer ID,Policy\n13800138000,Li Lei,gold,c-1,PA-1\n+1 212 555 0100,Ann,,c-2,PA-2\n',
      cn,
    );
    expect(read).toMatchObject({
      ok: true,
      contacts: [
        {
          row: 1,
          line: 2,
          phone: '+8613800138000',
          country: 'CN',
          name: 'Li Lei',
          tier: 'gold',
          customerId: 'c-1',
          variables: { Policy: 'PA-1' },
        },
        { row: 2, line: 3, phone: '+12125550100', country: 'US', name: 'Ann', customerId: 'c-2' },
      ],
      rejected: [],
      counts: { rows: 2, accepted: 2, rejected: 0 },
      variables: ['Policy'],
    });
    if (read.ok) expect(read.contacts[1]).not.toHaveProperty('tier');
  });

  it('reads a file with a byte-order mark and Chinese headers, from bytes as uploaded', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFF手机,姓名,时区,地区,备注\n13900139000,王芳,asia/shanghai,华东,VIP\n',
    );
    const read = readContactList(bytes, cn);
    expect(read).toMatchObject({
      ok: true,
      contacts: [
        {
          phone: '+8613900139000',
          name: '王芳',
          timezone: 'Asia/Shanghai',
          region: '华东',
          variables: { 备注: 'VIP' },
        },
      ],
    });
  });

  it('refuses text that is not UTF-8 (a GBK export) and says how to save it', () => {
    const gbk = Uint8Array.from([0xb5, 0xe7, 0xbb, 0xb0, 0x0a, 0x31]); // 电话\n1 in GBK
    expect(readContactList(gbk, cn)).toMatchObject({ ok: false, reason: 'not-utf8' });
  });

  it('rejects missing and invalid numbers and bad zones with their row, line and raw value', () => {
    const read = readContactList(
      'phone,timezone\n,Asia/Shanghai\n12345,\n13800138000,Mars/Olympus\n13800138001,\n',
      cn,
    );
    expect(read).toMatchObject({
      ok: true,
      contacts: [{ row: 4, line: 5, phone: '+8613800138001' }],
      rejected: [
        { row: 1, line: 2, raw: '', reason: 'missing-phone' },
        { row: 2, line: 3, raw: '12345', reason: 'invalid-phone' },
        { row: 3, line: 4, raw: '13800138000', reason: 'bad-timezone' },
      ],
      counts: { rows: 4, accepted: 1, missing: 1, invalid: 1, badTimezone: 1 },
    });
  });

  it('rejects a row with a cell or a whole too long to store, naming the column, and keeps the rest', () => {
    const note = 'Y'.repeat(450_000);
    const wide = Array.from({ length: 30 }, () => 'x'.repeat(900)).join(',');
    const read = readContactList(
      `phone,name,note${Array.from({ length: 29 }, (_, i) => `,c${i}`).join('')}\n+8613700009030,big,${note}${','.repeat(29)}\n+8613700009031,ok,small${','.repeat(29)}\n+8613700009032,wide,${wide}\n`,
      cn,
    );
    expect(read).toMatchObject({
      ok: true,
      contacts: [{ row: 2, phone: '+8613700009031', name: 'ok' }],
      rejected: [
        { row: 1, raw: '+8613700009030', reason: 'too-long' },
        { row: 3, raw: '+8613700009032', reason: 'too-long' },
      ],
      counts: { rows: 3, accepted: 1, rejected: 2, tooLong: 2 },
    });
    if (!read.ok) return;
    expect(read.rejected[0]?.message).toEqual({
      en: 'the note column holds 450,000 characters; a cell may hold at most 1,000',
      zh: '“note”列有 450,000 个字符，每格最多 1000 个字符',
    });
    expect(read.rejected[1]?.message.en).toBe(
      'the row holds 27,018 characters; a row may hold at most 20,000',
    );
  });

  it('rejects a number already in an earlier row once both are in E.164', () => {
    const read = readContactList('phone\n138 0013 8000\n+8613800138000\n(0086) 138-0013-8000\n', cn);
    expect(read).toMatchObject({
      ok: true,
      contacts: [{ row: 1, phone: '+8613800138000' }],
      rejected: [
        { row: 2, reason: 'duplicate', duplicateOf: 1, raw: '+8613800138000' },
        { row: 3, reason: 'duplicate', duplicateOf: 1 },
      ],
      counts: { accepted: 1, duplicate: 2 },
    });
  });

  it('removes opted-out and do-not-call numbers and counts each apart', () => {
    const read = readContactList('phone\n13800138000\n13800138001\n13800138002\n13800138001\n', {
      defaultCountry: 'CN',
      optedOut: new Set(['+8613800138000', '+8613800138001']),
      doNotCall: (e164) => e164 === '+8613800138001',
    });
    expect(read).toMatchObject({
      ok: true,
      contacts: [{ phone: '+8613800138002' }],
      rejected: [
        { row: 1, reason: 'opted-out' },
        { row: 2, reason: 'do-not-call' },
        { row: 4, reason: 'do-not-call' },
      ],
      counts: { rows: 4, accepted: 1, optedOut: 1, doNotCall: 2, duplicate: 0 },
    });
  });

  it('names malformed rows instead of throwing, and keeps reading after them', () => {
    const read = readContactList(
      'phone,name\n13800138000,a\n13800138001,b,extra\n13800138002,"x"y\n13800138003,d\n13800138004,b"x"\n13800138005,e\n13800138006,"f\n13800138007,g\n',
      cn,
    );
    expect(read).toMatchObject({
      ok: true,
      contacts: [{ row: 1 }, { row: 4, line: 7, phone: '+8613800138005' }],
      rejected: [
        { row: 2, line: 3, reason: 'malformed-row', raw: '13800138001,b,extra' },
        { row: 3, line: 4, reason: 'malformed-row' },
        { row: 5, line: 8, reason: 'malformed-row' },
      ],
      counts: { rows: 5, accepted: 2, malformed: 3 },
    });
    if (read.ok) {
      expect(read.rejected[0]?.message.en).toMatch(/3 cells where the header has 2/);
      // A bad quote makes the parser read on: the lines it took are named, not lost in silence.
      expect(read.rejected[1]?.message.en).toMatch(
        /quote in the middle of a cell.*lines 4-6 could not be read/,
      );
      expect(read.rejected[2]?.message.en).toMatch(/never closed, so lines 8-9/);
    }
    // A quote left open on the last line names that one line.
    const last = readContactList('phone,name\n13800138000,a\n13800138001,"b\n', cn);
    if (last.ok)
      expect(last.rejected[0]?.message.en).toMatch(/opened on line 3 is never closed, so line 3 could not/);
    expect(last.ok && last.rejected).toHaveLength(1);
  });

  it('numbers a row by the line it starts on across blank lines and a cell on two lines', () => {
    const read = readContactList('phone,note\n\n13800138000,"two\nlines"\n\n12,x\n', cn);
    expect(read).toMatchObject({
      ok: true,
      contacts: [{ row: 1, line: 3, variables: { note: 'two\nlines' } }],
      rejected: [{ row: 2, line: 6, reason: 'invalid-phone' }],
    });
  });

  it('refuses a file without a phone column, naming the columns it has and the ones allowed', () => {
    const read = readContactList('姓名,Email\n王芳,a@b.c\n', cn);
    expect(read).toMatchObject({ ok: false, reason: 'no-phone-column', columns: ['姓名', 'Email'] });
    if (!read.ok) {
      expect(read.message.en).toMatch(/the file has 姓名, Email; name one phone, number/);
      expect(read.message.zh).toMatch(/电话、手机/);
    }
  });

  it('refuses empty files, a header alone, repeated column names and lists over the limit', () => {
    expect(readContactList('', cn)).toMatchObject({ ok: false, reason: 'empty-file' });
    expect(readContactList('\uFEFF\n\n', cn)).toMatchObject({ ok: false, reason: 'empty-file' });
    expect(readContactList('phone,name\n', cn)).toMatchObject({ ok: false, reason: 'empty-file' });
    expect(readContactList('phone,note,Note\n1,2,3\n', cn)).toMatchObject({
      ok: false,
      reason: 'duplicate-column',
    });
    const rows = Array.from(
      { length: MAX_CONTACT_ROWS + 1 },
      (_, i) => `1380000${String(i).padStart(4, '0')}`,
    );
    const over = readContactList(`phone\n${rows.join('\n')}\n`, cn);
    expect(over).toMatchObject({ ok: false, reason: 'too-many-rows' });
    if (!over.ok) expect(over.message.en).toContain('50000');
    const at = readContactList(`phone\n${rows.slice(0, MAX_CONTACT_ROWS).join('\n')}\n`, cn);
    expect(at.ok && at.counts.rows).toBe(MAX_CONTACT_ROWS);
  });
});
