/**
 * The import pipeline the view, the e2e test and the bench share: main checks the file
 * (everything, writing nothing), the renderer previews it against the library, and only a
 * confirmed import stores the images (main) and then writes Dexie in one transaction.
 */
import type { Api } from '../../../shared/contract';
import type { ReadPacket, ReadResult, ReadReturn } from '../../../shared/packet/api';
import type { YanduDB } from '../../db/schema';
import { backupDatabase } from '../../core/backup/backup';
import { applyPacket, applyReturn, previewPacket, previewReturn, type PacketPreview, type ReturnPreview } from '../../db/sessions';

export type Checked =
  { kind: 'packet'; file: ReadPacket; preview: PacketPreview } | { kind: 'return'; file: ReadReturn; preview: ReturnPreview };

export async function checkFile(db: YanduDB, read: ReadResult): Promise<Checked> {
  if (read.kind === 'packet') return { kind: 'packet', file: read, preview: await previewPacket(db, read) };
  return { kind: 'return', file: read, preview: await previewReturn(db, read) };
}

export async function checkBase64(db: YanduDB, api: Api, base64: string): Promise<Checked> {
  return checkFile(db, await api.packets.read({ base64 }));
}

/** Installs a checked file; returns the preview of what was written. */
export async function commit(db: YanduDB, api: Api, checked: Checked): Promise<PacketPreview | ReturnPreview> {
  if (checked.kind === 'packet' && checked.preview.status === 'same') return checked.preview;
  // Every packet (and return file) import is preceded by a backup of the library (数据与备份).
  await backupDatabase(db, api, 'packet');
  if (checked.kind === 'return') return applyReturn(db, checked.file);
  if (checked.preview.status === 'new' || checked.preview.status === 'update') await api.packets.install({ token: checked.file.token });
  return applyPacket(db, checked.file);
}
