/** What other features and the app use of the backup views (the service itself is renderer/core/backup.ts). */
export { beforeBulkChange } from '../../core/backup';
export { BackupSettings } from './BackupSettings';
export { RecoveryOffer } from './RecoveryOffer';
