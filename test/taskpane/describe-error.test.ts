import { describeError } from "../../src/taskpane/describe-error";
import { InputError } from "../../src/core/errors";

describe("describeError", () => {
  it("passes input problems through in their own words", () => {
    expect(describeError(new InputError("Sheet “Return” has no period in B2.", { sheet: "Return", cell: "B2" }))).toBe(
      "Sheet “Return” has no period in B2.",
    );
  });

  it("gives advice for Excel errors a person can act on, and Excel's words otherwise", () => {
    const busy = Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" });
    expect(describeError(busy)).toBe("Excel is busy editing a cell. Press Enter or Esc, then try again.");
    const other = Object.assign(new Error("The argument is invalid."), { code: "InvalidArgument" });
    expect(describeError(other)).toBe("Excel reported a problem: The argument is invalid.");
  });

  it("owns up to faults in the add-in", () => {
    expect(describeError(new TypeError("x is undefined"))).toBe("Something went wrong in the add-in: x is undefined");
    expect(describeError("odd")).toBe("Something went wrong in the add-in: odd");
  });
});
