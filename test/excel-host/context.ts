/**
 * The request context of the Excel test host: a queue of operations that proxies add to, applied
 * in order at `sync()`, with the same rules Excel has for a batch:
 * - nothing reaches the workbook until `sync()`;
 * - the request is measured (the JSON of every queued operation and its payload, in UTF-8 bytes)
 *   and one over Excel's 5 MB limit fails with RequestPayloadSizeLimitExceeded and applies nothing;
 * - otherwise operations run in order; the first that fails stops the batch and rejects `sync()`
 *   (what ran before it stays done, as in Excel); loaded values reach the proxies only when the
 *   whole batch succeeded;
 * - the response is measured too (the JSON of every property loaded, in UTF-8 bytes), and one
 *   over Excel on the web's 5 MB limit fails with ResponsePayloadSizeLimitExceeded: nothing
 *   loaded reaches the proxies. Excel ran the batch before it found the answer too big to send,
 *   so what the batch changed stays changed, as after any failure part way.
 */
import { HostError } from "./errors";
import type { WorkbookModel } from "./model";
import { HostWorkbook } from "./proxies";

/** Excel's request payload limit (Excel on the web: 5 MB per request). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel's response payload limit (Excel on the web: 5 MB per response). */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

export interface RequestRecord {
  /** Size of the request: the JSON of its operations and their payloads, in UTF-8 bytes. */
  bytes: number;
  /** How many operations the request carried. */
  operations: number;
  /** Size of the answer: the JSON of every property loaded, in UTF-8 bytes (0 for a request refused before it ran). */
  responseBytes: number;
  /** False when Excel would have refused or failed the request. */
  ok: boolean;
}

/**
 * A failure a test injects: the `sync`th call of `context.sync()` (1-based) applies its first
 * `afterOperations` operations and then fails, as a request does when Excel gives up part way
 * (what ran stays done). With `afterOperations` at or beyond the request's length, everything is
 * applied and the answer is still a failure, as when the connection drops after Excel finished.
 */
export interface InjectedFailure {
  sync: number;
  afterOperations: number;
}

interface QueuedOp {
  payload: unknown;
  apply: () => void;
}

export class HostContext {
  readonly model: WorkbookModel;
  requestLimitBytes: number;
  responseLimitBytes: number;
  /** One record per `sync()` call, in order. */
  readonly requests: RequestRecord[] = [];
  private queue: QueuedOp[] = [];
  private commits: Array<() => void> = [];
  private ids = 0;
  /** Bytes of the answer to the sync being applied. */
  private answer = 0;
  private workbookProxy: HostWorkbook | null = null;

  /** See InjectedFailure; null when every sync behaves. */
  failure: InjectedFailure | null;

  constructor(model: WorkbookModel, requestLimitBytes = REQUEST_LIMIT_BYTES, failure: InjectedFailure | null = null, responseLimitBytes = RESPONSE_LIMIT_BYTES) {
    this.model = model;
    this.requestLimitBytes = requestLimitBytes;
    this.responseLimitBytes = responseLimitBytes;
    this.failure = failure;
  }

  /** `context.workbook`, the root of every proxy. */
  get workbook(): HostWorkbook {
    if (!this.workbookProxy) this.workbookProxy = new HostWorkbook(this);
    return this.workbookProxy;
  }

  /** Number of `context.sync()` calls so far. */
  get syncCount(): number {
    return this.requests.length;
  }

  nextId(): number {
    return ++this.ids;
  }

  /** Queue one operation; `payload` is what Excel would be sent for it (it is what gets measured). */
  enqueue(payload: unknown, apply: () => void): void {
    this.queue.push({ payload, apply });
  }

  /** Called while an operation applies: runs after the whole batch succeeded (delivering loads). */
  onSuccess(commit: () => void): void {
    this.commits.push(commit);
  }

  /** Called while a load applies, for each property it reads: counts it into the answer's size. */
  countResponse(property: string, value: unknown): void {
    // "property":value, as Office.js's answer carries each loaded property.
    this.answer += Buffer.byteLength(JSON.stringify(value) ?? "null", "utf8") + property.length + 4;
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.commits = [];
    const bytes = Buffer.byteLength(JSON.stringify(queue.map((op) => op.payload)), "utf8");
    const record: RequestRecord = { bytes, operations: queue.length, responseBytes: 0, ok: true };
    this.requests.push(record);
    // Excel answers asynchronously; so does the host, so code that forgets to await sync() fails here too.
    await Promise.resolve();
    if (bytes > this.requestLimitBytes) {
      record.ok = false;
      throw new HostError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes > ${this.requestLimitBytes}).`,
      );
    }
    const failing = this.failure?.sync === this.requests.length ? this.failure : null;
    this.answer = 0;
    try {
      for (const [i, op] of queue.entries()) {
        if (failing && i >= failing.afterOperations) break;
        op.apply();
      }
      if (failing) throw new HostError("InvalidOperation", `The request failed (a failure injected by the test at sync ${failing.sync}).`);
      record.responseBytes = this.answer;
      if (this.answer > this.responseLimitBytes) {
        throw new HostError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit (${this.answer} bytes > ${this.responseLimitBytes}).`,
        );
      }
    } catch (e) {
      record.ok = false;
      this.commits = [];
      throw e;
    }
    const commits = this.commits;
    this.commits = [];
    for (const commit of commits) commit();
  }
}
