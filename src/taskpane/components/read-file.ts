import type { ReturnFile } from "../operations";

/** A file the person picked, as its name and bytes; a file the browser cannot read is one sentence naming it. */
export function readFileBytes(file: File): Promise<ReturnFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, bytes: new Uint8Array(typeof reader.result === "string" || reader.result === null ? new ArrayBuffer(0) : reader.result) });
    reader.onerror = () => reject(new Error(`The file “${file.name}” could not be read.`));
    reader.readAsArrayBuffer(file);
  });
}
