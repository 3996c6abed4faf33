import { useRef } from 'react';

/**
 * The journal of typing into a form that saves later (a 学习安排 field on leaving it, the 学习记录 on
 * 保存): each change replaces the entry (`write` journals it and returns its token); `saved` settles
 * it once the save (if any) has settled — either way ('settled', a field whose refused value is
 * refused for good), or only once stored ('success', a form whose refused save keeps the draft).
 * `kept`: the token of an entry left by an earlier page, taken over by this form.
 */
export function useDraftJournal<T>(write: (value: T) => string, settle: (token: string) => void, kept?: string | null) {
  const token = useRef<string | null>(kept ?? null);
  return {
    typed(value: T) {
      token.current = write(value);
    },
    saved(saving: Promise<unknown> | null, settleOn: 'settled' | 'success' = 'settled') {
      const mine = token.current;
      token.current = null;
      if (!mine) return;
      if (!saving) settle(mine);
      else if (settleOn === 'settled') void saving.finally(() => settle(mine));
      else
        void saving.then(
          () => settle(mine),
          () => {
            // Not stored: the entry stays, and this form goes on with it unless typed over meanwhile.
            token.current ??= mine;
          },
        );
    },
  };
}
