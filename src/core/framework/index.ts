/** The content-area framework: the default one, and the JSON a partnership exports, edits and loads. */
export { defaultFramework, AREA, SUB, QA_FRAMEWORK_CITE, LSCB_APPENDIX_CITE } from "./default-framework";
export { frameworkToJson, parseFrameworkJson, issueInWords, pathInWords } from "./json";
