/**
 * Errors the host throws, shaped like Office.js's OfficeExtension.Error (name, code, message,
 * debugInfo) so adapter code that inspects `error.code` behaves the same against the host as
 * against Excel.
 */
export type HostErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "AccessDenied"
  | "GeneralException"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly debugInfo: { code: HostErrorCode; message: string; errorLocation?: string };

  constructor(code: HostErrorCode, message: string, errorLocation?: string) {
    super(message);
    // Office.js names its errors "RichApi.Error"; keep that so logs read the same.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string, owner: string): HostError {
  return new HostError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${owner}.${property}`,
  );
}
