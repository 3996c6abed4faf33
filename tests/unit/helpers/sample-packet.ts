/**
 * Set-up shared by the core tests that need a library with the sample packet in it
 * (returns-read, roles, core-study): a data folder with the real packet and backup services
 * behind the contract, the signed sample packet as base64, fresh Dexie databases
 * (fake-indexeddb: import 'fake-indexeddb/auto' in the test file first) and a note row.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { buildApi, dispatch, type Api, type Services } from '../../../shared/contract';
import { countZi } from '../../../shared/text';
import { checkBase64, commit } from '../../../renderer/core/packets';
import { YanduDB, type NoteRow } from '../../../renderer/db/schema';
import type { SessionRow } from '../../../renderer/db/sessionRows';
import { buildSamplePacket } from '../../../main/services/packets/sample';
import { createPacketService } from '../../../main/services/packets/service';
import { createBackupService } from '../../../main/services/backup/service';

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

export interface SamplePacketWorld {
  /** The data folder (filled in beforeAll). */
  readonly dir: string;
  /** The contract over the real packet and backup services. */
  readonly api: Api;
  /** The sample packet, issued 2025-03-01, as base64. */
  readonly packetBase64: string;
  /** A new, open, empty database with a name no other test uses. */
  freshDb(): Promise<YanduDB>;
  /** Checks and installs the sample packet: the session it brings and the packet's id. */
  install(db: YanduDB): Promise<{ session: SessionRow; packetId: string }>;
}

/** Registers the beforeAll/afterAll that make (and remove) the world; `name` labels the folder and databases. */
export function samplePacketWorld(name: string): SamplePacketWorld {
  let dbs = 0;
  const world = {
    dir: '',
    api: undefined as unknown as Api,
    packetBase64: '',
    async freshDb() {
      const db = new YanduDB(`${name}-${process.pid}-${dbs++}`);
      await db.open();
      return db;
    },
    async install(db: YanduDB) {
      const checked = await checkBase64(db, world.api, world.packetBase64);
      if (checked.kind !== 'packet') throw new Error('kind');
      await commit(db, world.api, checked);
      const session = await db.sessions.get(checked.file.session.id);
      if (!session) throw new Error('no session');
      return { session, packetId: checked.file.meta.id };
    },
  };
  beforeAll(async () => {
    world.dir = await mkdtemp(path.join(os.tmpdir(), `yandu-${name}-`));
    const services = {
      packets: createPacketService({ dataDir: world.dir }),
      backup: createBackupService({ dataDir: world.dir, appVersion: 'test' }),
    } as unknown as Services;
    world.api = buildApi(
      (method, arg) => dispatch(services, method, arg),
      () => () => undefined,
    );
    world.packetBase64 = Buffer.from(await buildSamplePacket(resourcesDir, world.dir, new Date('2025-03-01T08:00:00Z'))).toString('base64');
  });
  afterAll(async () => {
    await rm(world.dir, { recursive: true, force: true });
  });
  return world;
}

/** A plain note row; `zi` follows the text unless given. */
export function noteRow(id: string, patch: Partial<NoteRow>): NoteRow {
  const text = patch.text ?? '';
  return {
    id,
    kind: 'note',
    articleId: null,
    highlightId: null,
    title: '',
    doc: { type: 'doc', content: [] },
    text,
    zi: countZi(text),
    tags: [],
    createdAt: '2025-03-02T08:00:00.000Z',
    updatedAt: '2025-03-02T08:00:00.000Z',
    ...patch,
  };
}
