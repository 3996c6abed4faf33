/** Mounted once by the app: the notices and the confirm() dialog every view may call. */
import { ConfirmHost } from './Dialog';
import { Toaster } from './notify';

export function UiHost() {
  return (
    <>
      <Toaster />
      <ConfirmHost />
    </>
  );
}
