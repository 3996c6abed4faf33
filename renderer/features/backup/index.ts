/** What other features use of backups. */
export { beforeBulkChange } from '../../core/backup';
