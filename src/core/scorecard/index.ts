export * from "./direction";
export * from "./rows";
export * from "./scorecard";
export * from "./benchmarks";
