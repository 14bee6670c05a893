/**
 * Corrections an analyst makes in the Import panel, per sheet. Each one replaces what the
 * detector would have decided, and everything that depends on it is worked out again: giving
 * new heading rows re-reads every column's heading, for instance. Their shapes are the model's
 * zod schemas (LayoutOverrideSchema), so that a reading recipe kept in a workbook or a file is
 * checked on its way in and means exactly what a correction made in the pane means.
 */
import type { z } from "zod";
import type { ColumnOverrideSchema, LayoutOverrideSchema } from "../model/model";

export type ColumnOverride = z.infer<typeof ColumnOverrideSchema>;

export type LayoutOverride = z.infer<typeof LayoutOverrideSchema>;

/** Overrides by sheet name. */
export type LayoutOverrides = Record<string, LayoutOverride>;
