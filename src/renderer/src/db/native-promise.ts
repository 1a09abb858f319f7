// The engine's own Promise, for work that waits on many WebCrypto promises inside a Dexie transaction.

/**
 * Inside a transaction Dexie swaps the global `Promise` for its own, whose `all` adds bookkeeping for every promise
 * it waits on (thousands for a bulk write). An async function's promise is always the engine's own.
 */
export const NativePromise = (async () => {})().constructor as PromiseConstructor
