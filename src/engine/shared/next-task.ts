/**
 * Gives the event loop a turn between chunks of iterative work, so input,
 * painting and other queued tasks (a pause click's job, a dynamic import) are
 * never held up by more than one chunk. An ordinary task posted through a
 * MessageChannel: unlike `scheduler.yield()`, whose continuation runs ahead of
 * other queued tasks, it lets them in; unlike a zero timeout, it is not clamped
 * to 4 ms.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
