// A table with a caption and its loading, empty and error states. On a phone each row
// becomes a card of "header: value" lines (styles.css, .table-stack), so its actions stay
// in sight; with `stack={false}` it scrolls sideways inside a focusable region instead.
import type { ComponentChildren } from "preact";
import { ListState } from "./ListState";

export interface Column<T> {
  header: ComponentChildren;
  cell: (row: T) => ComponentChildren;
  // "num" right-aligns numbers.
  class?: string;
  // The cell's label when rows are stacked; defaults to `header` when that is text.
  label?: string;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  emptyText: ComponentChildren;
  onRetry?: () => void;
  // Extra content after the table (a "Load more" button of InfiniteList).
  footer?: ComponentChildren;
  // Rows as cards on a phone (default); false keeps the sideways scroll.
  stack?: boolean;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const rows = props.rows ?? [];
  const stack = props.stack ?? true;
  // Cards drop the table's layout, and Chromium its semantics with it: the roles keep it a
  // table for screen readers.
  const role = <R extends string>(r: R): R | undefined => (stack ? r : undefined);
  const labelOf = (c: Column<T>) => c.label ?? (typeof c.header === "string" ? c.header : undefined);
  return (
    <ListState
      loading={props.loading ?? props.rows === undefined}
      error={props.error}
      empty={rows.length === 0}
      emptyText={props.emptyText}
      onRetry={props.onRetry}
    >
      <div class={stack ? "table-wrap table-stack" : "table-wrap"} role="region" aria-label={props.caption} tabIndex={0}>
        <table role={role("table")}>
          <caption>{props.caption}</caption>
          <thead role={role("rowgroup")}>
            <tr role={role("row")}>
              {props.columns.map((c, i) => (
                <th key={i} scope="col" class={c.class} role={role("columnheader")}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role={role("rowgroup")}>
            {rows.map((row) => (
              <tr key={props.rowKey(row)} role={role("row")}>
                {props.columns.map((c, i) => (
                  <td key={i} class={c.class} role={role("cell")} data-label={labelOf(c)}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.footer}
    </ListState>
  );
}
