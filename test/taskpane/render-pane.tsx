import * as React from "react";
import { render, type RenderResult } from "@testing-library/react";
import { createDOMRenderer, FluentProvider, RendererProvider, webLightTheme } from "@fluentui/react-components";

/**
 * Renders inside Fluent with only the style rules that hide things. jsdom's getComputedStyle
 * matches every rule in the document against the element, and Fluent's atomic CSS has thousands,
 * which made each role query and each positioned dropdown take seconds; rules that only colour and
 * space things change nothing a jsdom test can see.
 */
export function renderPane(ui: React.ReactElement): RenderResult {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => /display:\s*none|visibility:\s*hidden/.test(rule) });
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </RendererProvider>,
  );
}

/**
 * jsdom lacks ARIA reflection (element.role), which browsers have and Fluent's Dropdown uses to
 * find the next option when an arrow key is pressed; without it the arrow keys do nothing in jsdom.
 * Returns a function that takes the stand-in away again.
 */
export function installAriaReflection(): () => void {
  const proto = Element.prototype;
  if (Object.getOwnPropertyDescriptor(proto, "role")) return () => undefined;
  Object.defineProperty(proto, "role", {
    configurable: true,
    get(this: Element): string | null {
      return this.getAttribute("role");
    },
    set(this: Element, value: string | null) {
      if (value === null) this.removeAttribute("role");
      else this.setAttribute("role", value);
    },
  });
  return () => {
    delete (proto as { role?: unknown }).role;
  };
}
