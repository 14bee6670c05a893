import * as React from "react";

/**
 * An object URL for something to download (a framework's JSON, a copy of the book to publish),
 * made when its contents change and let go when they change again or the component goes. Null
 * while there is nothing, or where the browser cannot make one.
 */
export function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!blob || typeof URL.createObjectURL !== "function") {
      setUrl(null);
      return undefined;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
