/**
 * The one Node API the Excel test host uses: context.ts measures each request with
 * `Buffer.byteLength(json, "utf8")`. webpack 5 no longer polyfills Node's globals, so the browser
 * bundle gets this stand-in through ProvidePlugin (webpack.host.config.js) instead of a change to
 * the host's code.
 */
const encoder = new TextEncoder();

export const Buffer = {
  /** UTF-8 length of the text; the encoding argument is accepted for Node's signature and ignored. */
  byteLength(text: string, _encoding?: "utf8"): number {
    return encoder.encode(text).length;
  },
};
