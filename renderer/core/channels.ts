/**
 * The channels service (issue 21, the renderer half): organisation channels on a WebDAV server
 * that main talks to. Passwords go to main and never come back. Fetched packets and return
 * files are imported through the packets service's own check and commit (the same validation,
 * preview, 勘误 diff and backup as a file from a U盘): there is no second import path here.
 * Sending (发布到通道, 提交回执) goes through main's outbox, so it survives a server that is away.
 */
import * as v from 'valibot';
import { createStore } from 'zustand/vanilla';
import { channelMethods } from '../../shared/channel/api';
import type { Api } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { api as appApi } from '../bridge';
import { db as appDb } from '../db';
import type { YanduDB } from '../db/schema';
import { messages } from '../i18n/messages';
import { packets as appPackets, type Checked, type PacketsService } from './packets';
import { study as appStudy, type Profile, type StudyService } from './study';

export type ChannelView = v.InferOutput<typeof channelMethods.list.output>['channels'][number];
export type OutboxItem = v.InferOutput<typeof channelMethods.list.output>['outbox'][number];
export type CaCertInfo = NonNullable<ChannelView['ca']>;
/** A row of a channel's packets/; `indexDiffered`: the channel's index said otherwise than the file. */
export type ChannelFile =
  | (Extract<v.InferOutput<typeof channelMethods.packets.output>['packets'][number], { sha256: string }> & { indexDiffered?: boolean })
  | Exclude<v.InferOutput<typeof channelMethods.packets.output>['packets'][number], { sha256: string }>;
export type ChannelPacketInfo = Extract<ChannelFile, { sha256: string }>;

/** One channel's last look at packets/. */
export type ChannelListing =
  { state: 'checking' } | { state: 'ready'; files: ChannelFile[]; at: string } | { state: 'failed'; error: string };

export interface ChannelChecks {
  byChannel: Record<string, ChannelListing>;
}

/** What each channel held at the last check (views subscribe with zustand's `useStore`). */
export const channelChecks = createStore<ChannelChecks>(() => ({ byChannel: {} }));

/** A return file in a session's folder, checked against this library. */
export interface ChannelReturn {
  name: string;
  /** null: the file could not be read (the reason is in `error`). */
  checked: Checked | null;
  error: string | null;
}

const t = messages.channels;
const isPacket = <T extends { name: string }>(f: T): f is Extract<T, { sha256: string }> => 'sha256' in f;

/** The user's words for a channel error: refused credentials are said plainly. */
export function channelErrorText(error: unknown): string {
  if (error instanceof AppError && (error.code === 'E_CHANNEL_AUTH' || error.code === 'E_FORBIDDEN'))
    return `${t.authError}${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export function createChannels(db: YanduDB, api: Api, packets: PacketsService, study: StudyService) {
  let startCheck: Promise<number> | null = null;

  /**
   * Packet id → newest version this copy has: installed from a packet, or issued here (the
   * leader's own packets are not news to the leader).
   */
  async function known(): Promise<Map<string, number>> {
    const have = await packets.installedVersions();
    for (const s of await db.sessions.toArray())
      if (s.issued && (have.get(s.issued.packetId) ?? 0) < s.issued.version) have.set(s.issued.packetId, s.issued.version);
    return have;
  }

  const setListing = (id: string, listing: ChannelListing) =>
    channelChecks.setState((s) => ({ byChannel: { ...s.byChannel, [id]: listing } }));

  /** Looks at every channel's packets/; resolves with how many packets are newer than installed. */
  async function check(): Promise<number> {
    const { channels } = await api.channels.list({});
    const installed = await known();
    let fresh = 0;
    await Promise.all(
      channels.map(async (c) => {
        setListing(c.id, { state: 'checking' });
        try {
          const { packets: files } = await api.channels.packets({ id: c.id });
          setListing(c.id, { state: 'ready', files, at: new Date().toISOString() });
          fresh += files.filter((f) => isPacket(f) && f.kind === 'packet' && (installed.get(f.id) ?? 0) < f.version).length;
        } catch (error) {
          setListing(c.id, { state: 'failed', error: channelErrorText(error) });
        }
      }),
    );
    return fresh;
  }

  return {
    known,
    list: () => api.channels.list({}),
    add: (input: { name: string; url: string; user: string | null; password: string | null; caCert?: string | null }) =>
      api.channels.add(input),
    /** What a chosen root certificate says (subject, SHA-256 fingerprint); a Chinese error when it is not one. */
    inspectCaCert: (caCert: string) => api.channels.inspectCaCert({ caCert }),
    setCaCert: (id: string, caCert: string | null) => api.channels.setCaCert({ id, caCert }),
    async remove(id: string): Promise<void> {
      await api.channels.remove({ id });
      channelChecks.setState((s) => {
        const { [id]: _gone, ...rest } = s.byChannel;
        return { byChannel: rest };
      });
    },
    setPassword: (id: string, password: string) => api.channels.setPassword({ id, password }).then(() => undefined),
    check,
    /** Once per app start, after the library has loaded; later calls get the same answer. */
    checkAtStart(): Promise<number> {
      startCheck ??= check().catch(() => 0);
      return startCheck;
    },
    /**
     * A packet of the channel, downloaded by main and checked as any packet file (nothing
     * written). Its row in the listing then shows what the file says (verified), in place of
     * what the channel's index said; a row whose index entry disagreed is marked.
     */
    async fetchChecked(id: string, name: string): Promise<Checked> {
      const got = await api.channels.fetch({ id, name });
      const checked = await packets.checkBase64(got.base64);
      channelChecks.setState((s) => {
        const listing = s.byChannel[id];
        if (listing?.state !== 'ready') return s;
        const files = listing.files.map((f): ChannelFile => {
          if (f.name !== name) return f;
          const differs = isPacket(f) && !f.verified && (f.sha256 !== got.packet.sha256 || f.signer !== got.packet.signer);
          return { ...got.packet, notice: isPacket(f) ? f.notice : got.packet.notice, ...(differs ? { indexDiffered: true } : {}) };
        });
        return { byChannel: { ...s.byChannel, [id]: { ...listing, files } } };
      });
      return checked;
    },

    /**
     * 发布到通道: the session's packet (the issued version again, or the next one for a 勘误) built
     * as 导出资料包 builds it, then handed to the outbox.
     */
    async publishSession(id: string, sessionId: string, reissue: boolean): Promise<OutboxItem> {
      const built = await packets.exportSession(sessionId, reissue);
      const issued = (await study.detail(sessionId))?.row;
      const label = issued?.issued ? t.publishLabel(`${issued.topic}学习资料`, issued.issued.version) : built.fileName;
      return api.channels.send({ id, kind: 'publish', base64: built.base64, label: label.slice(0, 500) });
    },
    /** 提交回执: the member's return file for a session, built as 导出回执 builds it, into returns/<session>/. */
    async submitReturn(id: string, sessionId: string, me: Profile, noteIds: readonly string[], topic: string): Promise<OutboxItem> {
      const built = await study.exportReturn(sessionId, me, noteIds);
      return api.channels.send({ id, kind: 'return', base64: built.base64, label: t.returnLabel(me.name, topic).slice(0, 500) });
    },
    /** A 学习记录 export (Word or PDF) into the channel's records/ as <session>-<date>.docx|pdf, through the outbox. */
    sendRecord: (id: string, sessionId: string, date: string, base64: string, kind: 'docx' | 'pdf' = 'docx'): Promise<OutboxItem> =>
      api.channels.send({
        id,
        kind: 'record',
        base64,
        label: `${t.recordLabel(date)}${kind === 'pdf' ? ' PDF' : ''}`,
        name: `${sessionId}-${date}.${kind}`,
      }),
    /** The session's return files in a channel, each checked against this library (new, update, same, older). */
    async returns(id: string, sessionId: string): Promise<ChannelReturn[]> {
      const { files } = await api.channels.returns({ id, session: sessionId });
      const out: ChannelReturn[] = [];
      for (const f of files) {
        if (!isPacket(f)) {
          out.push({ name: f.name, checked: null, error: f.error });
          continue;
        }
        try {
          const got = await api.channels.fetchReturn({ id, session: sessionId, name: f.name });
          out.push({ name: f.name, checked: await packets.checkBase64(got.base64), error: null });
        } catch (error) {
          out.push({ name: f.name, checked: null, error: channelErrorText(error) });
        }
      }
      return out;
    },

    run: async (): Promise<OutboxItem[]> => (await api.channels.run({})).outbox,
    retry: (item: string) => api.channels.retry({ item }),
    discard: (item: string) => api.channels.discard({ item }).then(() => undefined),
  };
}
export type ChannelsService = ReturnType<typeof createChannels>;

/** The app's channels service, on the app's host and services. */
export const channels = createChannels(appDb, appApi, appPackets, appStudy);
