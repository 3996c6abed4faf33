/**
 * Errors that cross the contract carry a stable code (for programs and tests) and a Chinese
 * message (for the user). Both transports serialise them as plain `{ code, message }`.
 */
export type ErrorCode =
  | 'E_INVALID_ARGUMENT'
  | 'E_INVALID_RESULT'
  | 'E_UNKNOWN_METHOD'
  | 'E_FORBIDDEN'
  | 'E_NOT_FOUND'
  | 'E_RESOURCE'
  | 'E_TRANSPORT'
  | 'E_INTERNAL'
  // Packet and return files (shared/packet): what is wrong with a file, for the user and tests.
  | 'E_PACKET_FORMAT'
  | 'E_PACKET_TRUNCATED'
  | 'E_PACKET_TOO_LARGE'
  | 'E_PACKET_PATH'
  | 'E_PACKET_HASH'
  | 'E_PACKET_SCHEMA'
  | 'E_PACKET_CONTENT'
  | 'E_PACKET_OLDER'
  // Signatures: a bad signature, or a signer that does not match the pinned key (or none).
  | 'E_PACKET_SIGNATURE'
  | 'E_PACKET_SIGNER'
  | 'E_KEY_PASSPHRASE'
  // Backups (shared/backup): a damaged, foreign or newer file, and a full disk.
  | 'E_BACKUP_FORMAT'
  | 'E_BACKUP_HASH'
  | 'E_BACKUP_NEWER'
  | 'E_DISK_FULL'
  // Compressed input (zip entries, gzip parts): over a size or ratio limit, or unsafe/broken.
  | 'E_ARCHIVE_LIMIT'
  | 'E_ARCHIVE_FORMAT'
  // Documents (PDF, .doc/.wps, OFD): damaged or disguised, password-protected, over a limit.
  | 'E_DOCUMENT_FORMAT'
  | 'E_DOCUMENT_ENCRYPTED'
  | 'E_DOCUMENT_LIMIT'
  // Organisation channels (WebDAV): refused credentials, a name already taken, a bad or absent server.
  | 'E_CHANNEL_AUTH'
  | 'E_CHANNEL_EXISTS'
  | 'E_CHANNEL_SERVER'
  | 'E_CHANNEL_OFFLINE'
  // The channel's https certificate is not trusted (add the unit's root certificate).
  | 'E_CHANNEL_CERT';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** Every error code (what a transport accepts back). */
export const KNOWN_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'E_INVALID_ARGUMENT',
  'E_INVALID_RESULT',
  'E_UNKNOWN_METHOD',
  'E_FORBIDDEN',
  'E_NOT_FOUND',
  'E_RESOURCE',
  'E_TRANSPORT',
  'E_INTERNAL',
  'E_PACKET_FORMAT',
  'E_PACKET_TRUNCATED',
  'E_PACKET_TOO_LARGE',
  'E_PACKET_PATH',
  'E_PACKET_HASH',
  'E_PACKET_SCHEMA',
  'E_PACKET_CONTENT',
  'E_PACKET_OLDER',
  'E_PACKET_SIGNATURE',
  'E_PACKET_SIGNER',
  'E_KEY_PASSPHRASE',
  'E_BACKUP_FORMAT',
  'E_BACKUP_HASH',
  'E_BACKUP_NEWER',
  'E_DISK_FULL',
  'E_ARCHIVE_LIMIT',
  'E_ARCHIVE_FORMAT',
  'E_DOCUMENT_FORMAT',
  'E_DOCUMENT_ENCRYPTED',
  'E_DOCUMENT_LIMIT',
  'E_CHANNEL_AUTH',
  'E_CHANNEL_EXISTS',
  'E_CHANNEL_SERVER',
  'E_CHANNEL_OFFLINE',
  'E_CHANNEL_CERT',
]);

/** Turns anything thrown into the plain shape that may cross a transport. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toJSON();
  return { code: 'E_INTERNAL', message: '内部错误，操作未完成。' };
}

/** Rebuilds an AppError from whatever a transport delivered; unknown shapes become E_TRANSPORT. */
export function fromErrorInfo(value: unknown): AppError {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    KNOWN_ERROR_CODES.has((value as ErrorInfo).code) &&
    typeof (value as ErrorInfo).message === 'string'
  ) {
    return new AppError((value as ErrorInfo).code, (value as ErrorInfo).message);
  }
  return new AppError('E_TRANSPORT', '与后台服务通信失败。');
}
