export * from "./indicator-sheets";
