/** A macrotask's pause: a long piece of work lets its thread handle events (a page's messages, a cancel) before it goes on. */
export const pause = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
