// The page's side of the import worker: typed requests that resolve with the worker's answers.
import type { ReplyMessage, RequestName, Requests, WorkProgress } from './protocol.ts';

type Progress = WorkProgress;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((progress: Progress) => void) | undefined;
}

/** A client over one worker; one per page. Requests run in order in the worker; `cancel` stops a load between chunks. */
export class ImportClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<ReplyMessage>) => this.receive(event.data);
    worker.onerror = (event) => this.failAll(new Error(event.message || 'the import worker stopped'));
  }

  /** The worker as Vite bundles it. */
  static start(): ImportClient {
    return new ImportClient(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }));
  }

  request<K extends RequestName>(
    name: K,
    args: Requests[K]['args'],
    onProgress?: (progress: Progress) => void,
  ): Promise<Requests[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, name, args });
    });
  }

  cancel(): void {
    this.worker.postMessage({ id: this.nextId++, name: 'cancel' });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('the import was closed'));
  }

  private receive(message: ReplyMessage): void {
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    if (message.kind === 'progress') return pending.onProgress?.(message.progress);
    this.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve(message.result);
    else pending.reject(new Error(message.message));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
