/**
 * The extension's service worker's JavaScript heap, read over CDP (issue 17's "worker heap with
 * the search index"): a page's CDP session attaches to the worker's target and, through it, asks
 * V8 to collect garbage and report what stays in use.
 */

/**
 * The memory the worker whose script is under `origin` holds after a full garbage collection: its
 * JavaScript heap plus the array buffers' backing stores, which V8 keeps outside it (the index's
 * postings are typed arrays).
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page any page of the context (its session reaches the browser's targets)
 * @param {string} origin e.g. `chrome-extension://<id>/`
 * @returns {Promise<{ usedBytes: number, heapBytes: number, arrayBufferBytes: number }>}
 */
export async function workerHeap(context, page, origin) {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(origin));
    if (!target) throw new Error(`bench: no running service worker under ${origin}`);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 0;
    /** @type {Map<number, (reply: { result?: any, error?: any }) => void>} */
    const waiting = new Map();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message);
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    /** @param {string} method @param {object} [params] */
    const send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result)));
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    // Twice: the first collection can leave garbage that only the second frees (weak references, finalisers).
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const heap = /** @type {{ usedSize: number, backingStorageSize: number }} */ (await send('Runtime.getHeapUsage'));
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedBytes: heap.usedSize + heap.backingStorageSize, heapBytes: heap.usedSize, arrayBufferBytes: heap.backingStorageSize };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
