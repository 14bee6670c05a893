import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface StatusProps {
  intent: "success" | "error" | "warning" | "info";
  /** A word or two that says what kind of message this is, so that colour and icon are never the only signal. */
  title: string;
  /** The message itself, shown as text: never interpreted as HTML. */
  children: React.ReactNode;
}

/** A status or error line. Multiline layout: the pane is narrow and messages name sheets and cells. */
export function Status({ intent, title, children }: StatusProps): React.JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
