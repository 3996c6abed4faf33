/** Bounds of a packet or return file, and its errors. */
import { AppError, type ErrorCode } from '../errors';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_PART_BYTES = 16 * 1024 * 1024;
/** Parts besides the manifest. */
export const MAX_PARTS = 2000;

export function packetError(code: ErrorCode, message: string): AppError {
  return new AppError(code, message);
}
