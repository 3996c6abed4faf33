/** Services for transport tests: every method fails loudly unless the test supplies it. */
import { contract, type Services } from '../../../shared/contract';

type Impl = Record<string, Record<string, (arg: never) => Promise<unknown>>>;

export function stubServices(overrides: { [N in keyof Services]?: Partial<Services[N]> } = {}): Services {
  const out: Impl = {};
  for (const [ns, methods] of Object.entries(contract)) {
    out[ns] = {};
    for (const m of Object.keys(methods)) {
      out[ns]![m] = async () => {
        throw new Error(`${ns}.${m} is not part of this test`);
      };
    }
    Object.assign(out[ns]!, (overrides as Impl)[ns] ?? {});
  }
  return out as unknown as Services;
}
