// The Twilio connection against fakes of the Voice SDK Device/Call and the TaskRouter Worker/Reservation
// that emit the documented events (docs/twilio-behaviour.md §4.12, §9): the UI sees the same events as in local mode.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTwilioConnection, type TwilioSdks } from '../../../web/src/connection/twilio-connection.js';
import type { ConnectionEvent } from '../../../web/src/connection/types.js';
import { FakeCall, FakeDevice, FakeReservation, FakeWorker, token } from './fakes.js';

const HOUR = 3_600_000;
const sdks = { Device: FakeDevice, Worker: FakeWorker } as unknown as TwilioSdks;

function setup() {
  let n = 0;
  const fetchToken = vi.fn(async () => token(++n, HOUR, 'twilio'));
  const loadSdks = vi.fn(async () => sdks);
  const connection = createTwilioConnection({
    token: token(0, HOUR, 'twilio'),
    fetchToken,
    loadSdks,
    backoff: { jitter: 0 },
  });
  const events: ConnectionEvent[] = [];
  connection.on((e) => events.push(e));
  const device = () => FakeDevice.all.at(-1) as FakeDevice;
  const worker = () => FakeWorker.all.at(-1) as FakeWorker;
  return { connection, events, fetchToken, loadSdks, device, worker };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeDevice.all = [];
  FakeWorker.all = [];
});
afterEach(() => vi.useRealTimers());

describe('twilio connection', () => {
  it('loads the SDKs only on start, and is online once the Device is registered and the Worker ready', async () => {
    const { connection, loadSdks, device, worker } = setup();
    expect(loadSdks).not.toHaveBeenCalled();
    await connection.start();
    expect(loadSdks).toHaveBeenCalledTimes(1);
    expect(device().tokens).toEqual(['jwt-0']);
    expect(device().options).toMatchObject({ closeProtection: true, allowIncomingWhileBusy: false });
    expect(worker().options).toMatchObject({ setWorkerOfflineIfDisconnected: false });
    expect(connection.state).toBe('connecting'); // registered, worker not ready yet
    worker().emit('ready', worker());
    expect(connection.state).toBe('online');
    expect(connection.mode).toBe('twilio');
  });

  it('turns an incoming Call into the shared events and drives it', async () => {
    const { connection, events, worker, device } = setup();
    await connection.start();
    worker().emit('ready', worker());
    const callSid = `CA${'a'.repeat(32)}`;
    const call = new FakeCall(
      { CallSid: callSid, From: '+8613800138000', To: 'client:agent_1001' },
      { taskSid: 'WT1' },
    );
    device().emit('incoming', call);
    connection.accept(callSid);
    expect(call.accepted).toBe(true);
    connection.hangup(callSid);
    expect(call.disconnected).toBe(true);
    const other = new FakeCall({ CallSid: 'CA2', From: '+1', To: 'client:agent_1001' });
    device().emit('incoming', other);
    connection.reject('CA2');
    const third = new FakeCall({ CallSid: 'CA3', From: '+1', To: 'client:agent_1001' });
    device().emit('incoming', third);
    third.emit('cancel');
    expect(events.filter((e) => e.type !== 'state')).toEqual([
      {
        type: 'incoming',
        call: { callSid, from: '+8613800138000', to: 'client:agent_1001', parameters: { taskSid: 'WT1' } },
      },
      { type: 'connected', callSid },
      { type: 'disconnected', callSid },
      { type: 'incoming', call: { callSid: 'CA2', from: '+1', to: 'client:agent_1001', parameters: {} } },
      { type: 'ring-ended', callSid: 'CA2', outcome: 'rejected' },
      { type: 'incoming', call: { callSid: 'CA3', from: '+1', to: 'client:agent_1001', parameters: {} } },
      { type: 'ring-ended', callSid: 'CA3', outcome: 'canceled' },
    ]);
  });

  it('reports reservations with their lifecycle and activity changes from the Worker', async () => {
    const { connection, events, worker } = setup();
    await connection.start();
    const reservation = new FakeReservation('WR1', {
      sid: 'WT1',
      attributes: { customerId: 'C7', vip: 'gold' },
    });
    worker().emit('reservationCreated', reservation);
    reservation.emit('accepted', reservation);
    reservation.emit('wrapup', reservation);
    reservation.emit('completed', reservation);
    worker().setActivity('Wrap-up');
    const names = events.flatMap((e) => (e.type === 'reservation' ? [e.event] : []));
    expect(names).toEqual(['created', 'accepted', 'wrapup', 'completed']);
    expect(events.find((e) => e.type === 'reservation')).toEqual({
      type: 'reservation',
      event: 'created',
      reservationSid: 'WR1',
      taskSid: 'WT1',
      taskAttributes: { customerId: 'C7', vip: 'gold' },
    });
    expect(events.at(-1)).toEqual({ type: 'activity', activityName: 'Wrap-up' });
  });

  it('renews the token for both SDKs on tokenWillExpire and on the Worker tokenExpired, once at a time', async () => {
    const { connection, fetchToken, device, worker } = setup();
    await connection.start();
    device().emit('tokenWillExpire', device());
    worker().emit('tokenExpired');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(device().tokens).toEqual(['jwt-0', 'jwt-1']);
    expect(worker().tokens).toEqual(['jwt-0', 'jwt-1']);
    device().emit('error', { code: 20104, message: 'AccessTokenExpired' });
    await vi.advanceTimersByTimeAsync(0);
    expect(device().tokens).toEqual(['jwt-0', 'jwt-1', 'jwt-2']);
    expect(connection.identity).toBe('agent_1001');
  });

  it('registers again with backoff when the Device loses its registration, and nudge skips the wait', async () => {
    const { connection, device, worker, events } = setup();
    await connection.start();
    worker().emit('ready', worker());
    device().failRegister = true;
    device().lose();
    expect(connection.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(device().registerCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(device().registerCalls).toBe(3);
    device().failRegister = false;
    connection.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(device().registerCalls).toBe(4);
    expect(connection.state).toBe('online');
    expect(events.some((e) => e.type === 'error' && e.message.includes('signaling unreachable'))).toBe(true);
  });

  it('shows reconnecting while the Worker is disconnected', async () => {
    const { connection, worker } = setup();
    await connection.start();
    worker().emit('ready', worker());
    worker().emit('disconnected', worker());
    expect(connection.state).toBe('reconnecting');
    worker().emit('ready', worker());
    expect(connection.state).toBe('online');
  });

  it('destroys the Device and disconnects the Worker on stop', async () => {
    const { connection, device, worker } = setup();
    await connection.start();
    connection.stop();
    expect(device().destroyed).toBe(true);
    expect(worker().disconnected).toBe(true);
    expect(connection.state).toBe('offline');
  });

  it('says so when the SDKs cannot be loaded', async () => {
    const connection = createTwilioConnection({
      token: token(0, HOUR, 'twilio'),
      fetchToken: async () => token(1, HOUR, 'twilio'),
      loadSdks: async () => {
        throw new Error('chunk failed');
      },
    });
    const events: ConnectionEvent[] = [];
    connection.on((e) => events.push(e));
    await connection.start();
    expect(connection.state).toBe('offline');
    expect(events.some((e) => e.type === 'error' && e.message.includes('chunk failed'))).toBe(true);
  });
});
