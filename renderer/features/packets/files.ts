/** Files in and out of the renderer: bytes as base64 for the contract, downloads through a Blob. */
import { base64ToBytes, bytesToBase64 } from '../../../shared/packet/base64';
import { MAX_FILE_BYTES } from '../../../shared/packet/container';
import { AppError } from '../../../shared/errors';
import { downloadBlob } from '../notebook';

export async function fileToBase64(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new AppError('E_PACKET_TOO_LARGE', `文件过大（最多 ${MAX_FILE_BYTES / 1024 / 1024} MB）。`);
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export function downloadBase64(base64: string, fileName: string): void {
  const bytes = base64ToBytes(base64);
  if (!bytes) throw new AppError('E_INVALID_RESULT', '后台返回的文件无效。');
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
}

export function errorText(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'E_INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
