/** 界面大小: the persisted step, applied as data-ui-scale on <html> (ui.css sets the root font size per step). */
import { create } from 'zustand';
import { INTERFACE_SCALES, type InterfaceScale } from '../../shared/domain/settings';
import { interfaceScale } from '../core/app';

export { INTERFACE_SCALES, type InterfaceScale } from '../../shared/domain/settings';

interface InterfaceScaleState {
  scale: InterfaceScale;
  load(): Promise<void>;
  set(scale: InterfaceScale): Promise<void>;
}

export function applyInterfaceScale(scale: InterfaceScale): void {
  document.documentElement.dataset.uiScale = String(scale);
}

export function isInterfaceScale(n: number): n is InterfaceScale {
  return (INTERFACE_SCALES as readonly number[]).includes(n);
}

export const useInterfaceScale = create<InterfaceScaleState>((set) => ({
  scale: 100,
  async load() {
    const scale = await interfaceScale.load();
    applyInterfaceScale(scale);
    set({ scale });
  },
  async set(scale) {
    await interfaceScale.save(scale);
    applyInterfaceScale(scale);
    set({ scale });
  },
}));
