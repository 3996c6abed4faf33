/** The `channels` methods of the contract, on the channel store, outbox and WebDAV client. */
import { base64ToBytes, bytesToBase64 } from '../../../shared/packet/base64';
import type { Services } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { parseCaCert } from './ca-cert';
import { Channel, checkRecord } from './channel';
import type { DavClientOptions } from './dav-client';
import { Outbox } from './outbox';
import { ChannelStore, type SecretBox } from './store';

export interface ChannelServiceOptions {
  dataDir: string;
  box: SecretBox;
  /** Ports of the app's own servers on this machine: never asked. */
  ownPorts?: () => readonly number[];
  /** Waits before each retry of the outbox (default: 30 s, 1, 2, 5, 10 min). */
  retrySchedule?: readonly number[];
  /** Client settings for tests (fewer retries inside one operation). */
  dav?: Pick<DavClientOptions, 'retries' | 'backoffMs' | 'timeoutMs'>;
}

export type ChannelService = Services['channels'] & {
  /** The outbox's app-wide retry timer: started by the host with the app, stopped on quit. */
  startRetries(): void;
  stopRetries(): void;
  /** Runs the retry timer has made (tests count them). */
  retryRuns(): number;
};

export function createChannelService(options: ChannelServiceOptions): ChannelService {
  const store = new ChannelStore(options.dataDir, options.box);
  const channelFor = async (id: string) => {
    const c = await store.get(id);
    return new Channel({
      url: c.url,
      user: c.user ?? undefined,
      password: await store.password(id),
      caCert: c.caCert ?? null,
      ownPorts: options.ownPorts,
      ...options.dav,
    });
  };
  const outbox = new Outbox(options.dataDir, channelFor, undefined, { schedule: options.retrySchedule });
  return {
    startRetries: () => outbox.startTimer(),
    stopRetries: () => outbox.stopTimer(),
    retryRuns: () => outbox.timerRuns,
    list: async () => ({ channels: await store.views(), outbox: await outbox.items() }),
    add: async (input) => {
      const added = await store.add(input);
      return (await store.views()).find((c) => c.id === added.id)!;
    },
    setCaCert: async ({ id, caCert }) => {
      await store.setCaCert(id, caCert);
      return (await store.views()).find((c) => c.id === id)!;
    },
    inspectCaCert: async ({ caCert }) => parseCaCert(caCert).info,
    remove: async ({ id }) => {
      await store.remove(id);
      return {};
    },
    setPassword: async ({ id, password }) => {
      await store.get(id);
      await store.setPassword(id, password);
      return {};
    },
    packets: async ({ id }) => ({ packets: await (await channelFor(id)).describePackets() }),
    fetch: async ({ id, name }) => {
      const { bytes, summary } = await (await channelFor(id)).fetch(name);
      return { base64: bytesToBase64(bytes), name, packet: { ...summary, verified: true } };
    },
    returns: async ({ id, session }) => ({ files: await (await channelFor(id)).describeReturns(session) }),
    fetchReturn: async ({ id, session, name }) => {
      const { bytes } = await (await channelFor(id)).fetchReturn(session, name);
      return { base64: bytesToBase64(bytes), name };
    },
    send: async ({ id, kind, base64, label, name }) => {
      await store.get(id);
      const bytes = base64ToBytes(base64);
      if (!bytes) throw new AppError('E_INVALID_ARGUMENT', '文件内容无效（base64 格式错误）。');
      if (kind === 'record') checkRecord(bytes, name ?? '');
      return outbox.enqueue(id, kind, bytes, label, kind === 'record' ? name : undefined);
    },
    run: async () => ({ outbox: await outbox.run() }),
    retry: async ({ item }) => outbox.retry(item),
    discard: async ({ item }) => {
      await outbox.remove(item);
      return {};
    },
  };
}
