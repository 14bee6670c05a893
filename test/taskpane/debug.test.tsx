/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, screen } from "@testing-library/react";
import { Choice } from "../../src/taskpane/components/Choice";
import { installJsdomLayout } from "./jsdom-layout";
import { renderPane } from "./render-pane";
beforeAll(() => installJsdomLayout());
function Harness() {
  const [v, setV] = React.useState("");
  return <Choice label="Polarity" value={v} onChange={setV} options={[{ value: "", text: "Not set" }, { value: "higher", text: "Higher" }, { value: "lower", text: "Lower" }]} />;
}
it("debug", async () => {
  renderPane(<Harness />);
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  const cb = screen.getByRole("combobox");
  act(() => cb.focus());
  const press = async (key: string) => { await act(async () => { fireEvent.keyDown(cb, { key }); }); console.log(key, cb.getAttribute("aria-expanded"), cb.getAttribute("aria-activedescendant"), JSON.stringify(screen.queryAllByRole("option").map(o => o.id + ":" + o.textContent + ":" + o.className.includes("fui-Option")))); };
  await press("ArrowDown");
  await press("End");
  await press("Enter");
  console.log(cb.textContent);
  await press("ArrowDown");
  await press("ArrowUp");
  await press("Enter");
  console.log(cb.textContent);
  await press("h");
  await press("Enter");
  console.log(cb.textContent);
});
