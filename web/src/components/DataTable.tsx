// A table with a caption and its loading, empty and error states. On narrow screens it
// scrolls sideways inside a focusable region rather than widening the page.
import type { ComponentChildren } from "preact";
import { ListState } from "./ListState";

export interface Column<T> {
  header: ComponentChildren;
  cell: (row: T) => ComponentChildren;
  // "num" right-aligns numbers.
  class?: string;
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
}

export function DataTable<T>(props: DataTableProps<T>) {
  const rows = props.rows ?? [];
  return (
    <ListState
      loading={props.loading ?? props.rows === undefined}
      error={props.error}
      empty={rows.length === 0}
      emptyText={props.emptyText}
      onRetry={props.onRetry}
    >
      <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((c, i) => (
                <th key={i} scope="col" class={c.class}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={props.rowKey(row)}>
                {props.columns.map((c, i) => (
                  <td key={i} class={c.class}>
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
