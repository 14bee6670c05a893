/** The Excel test host: see host.ts for how tests use it. */
export { ExcelHost, type ExcelHostOptions, type SeedCell, type SeedSheet } from "./host";
export { HostContext, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES, type InjectedFailure, type RequestRecord } from "./context";
export { HostError, type HostErrorCode } from "./errors";
export { interpretEntry } from "./model";
