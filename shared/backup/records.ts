/**
 * What every record of a backed-up table must look like: the stored shapes of shared/domain,
 * checked by main when a backup is written and when a file is inspected, and by the renderer
 * again before it restores, so a damaged or hostile backup never reaches IndexedDB. Extra
 * fields are allowed (and kept: rows are stored as read, never as parsed) so a later version's
 * additions survive.
 */
import { checkRows, type RowProblem } from '../domain/tables';

export type RecordProblem = RowProblem;

/**
 * Checks every record of one table chunk, written by database version `schemaVersion` (rows of
 * older versions are checked as migrated). Returns what failed (which rows, how many), or null.
 */
export function checkRecords(table: string, records: readonly unknown[], schemaVersion?: number): RecordProblem | null {
  return checkRows(table, records, schemaVersion);
}
