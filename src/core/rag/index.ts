export * from "./rule";
export * from "./rate";
export * from "./apply";
export * from "./formula";
