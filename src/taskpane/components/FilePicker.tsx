import * as React from "react";
import { Button, makeStyles, type ButtonProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Hidden from sight, not from assistive tools or tests: it keeps its name, and the button opens it.
  input: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

export interface FilePickerProps {
  /** What the button says (it may change while the files are read). */
  children: React.ReactNode;
  /** The name of the file input itself ("Return files"). */
  inputLabel: string;
  accept: string;
  multiple?: boolean;
  disabled: boolean;
  appearance?: ButtonProps["appearance"];
  /** The files chosen; none when the chooser was closed without one. */
  onFiles: (files: File[]) => void;
}

/**
 * A button that opens the browser's file chooser. The chooser's input is emptied once its files
 * are taken, so that choosing the same file again (corrected since) is read again.
 */
export function FilePicker({ children, inputLabel, accept, multiple = false, disabled, appearance, onFiles }: FilePickerProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button {...(appearance ? { appearance } : {})} onClick={() => input.current?.click()} disabledFocusable={disabled}>
        {children}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = "";
          onFiles(files);
        }}
      />
    </>
  );
}
