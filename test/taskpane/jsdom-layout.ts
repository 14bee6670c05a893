/**
 * jsdom does no layout: every element's offsetParent is null and every box is 0 by 0. Fluent UI's
 * keyboard navigation (tabster) takes that to mean "nothing is visible" and will not move focus,
 * so arrow keys would do nothing in tests although they work in a browser. This gives elements
 * the little layout tabster asks about: an element is laid out unless it, or an ancestor, is
 * hidden (the hidden attribute or display: none), and the page has a size.
 */
function isHidden(element: HTMLElement): boolean {
  if (element.hidden || window.getComputedStyle(element).display === "none") return true;
  return element.parentElement ? isHidden(element.parentElement) : false;
}

export function installJsdomLayout(): () => void {
  const proto = HTMLElement.prototype;
  const offsetParent = Object.getOwnPropertyDescriptor(proto, "offsetParent");
  const bodyRect = document.body.getBoundingClientRect;

  Object.defineProperty(proto, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (this === document.body || isHidden(this)) return null;
      return document.body;
    },
  });
  document.body.getBoundingClientRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    width: 320,
    height: 800,
    right: 320,
    bottom: 800,
    toJSON: () => ({}),
  });

  return () => {
    if (offsetParent) Object.defineProperty(proto, "offsetParent", offsetParent);
    document.body.getBoundingClientRect = bodyRect;
  };
}
