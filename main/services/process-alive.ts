/**
 * Whether a process with this pid exists on this machine: signal 0 checks without sending.
 * EPERM means alive but owned by another user; ESRCH means gone.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
