/** The yearly note quota (e.g. 学习笔记 ≥ 10,000 字/年): a validated setting. */
import * as v from 'valibot';
import { SETTINGS } from '../../../shared/domain/settings';
import { settings } from '../../db';

export const QUOTA_KEY = 'notebook.quota' as const;
export const QuotaSchema = SETTINGS[QUOTA_KEY].schema;
export type Quota = v.InferOutput<typeof QuotaSchema>;
export const DEFAULT_QUOTA: Quota = SETTINGS[QUOTA_KEY].default;

export const loadQuota = (): Promise<Quota> => settings.get(QUOTA_KEY, QuotaSchema, DEFAULT_QUOTA);
export const saveQuota = (quota: Quota): Promise<void> => settings.set(QUOTA_KEY, QuotaSchema, quota);

/** Parses what the user typed (digits, with or without separators); null when invalid. */
export function parseQuota(input: string): Quota | null {
  const digits = input.replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = { ziPerYear: Number(digits) };
  return v.is(QuotaSchema, value) ? value : null;
}
