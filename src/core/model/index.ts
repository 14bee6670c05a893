export * from "./model";
export * from "./describe-issues";
