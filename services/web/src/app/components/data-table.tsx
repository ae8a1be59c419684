import type { ComponentChildren } from 'preact';

interface Props {
  /** Column headings, left to right. */
  columns: string[];
  /** Adds a last column for row buttons, its heading read only by screen readers. */
  actions?: boolean;
  /** Read only by screen readers, for a table without a visible heading of its own. */
  caption?: string;
  /** The body rows. */
  children: ComponentChildren;
}

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function DataTable({ columns, actions = false, caption, children }: Props) {
  return (
    <div class="table-scroll">
      <table>
        {caption && <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
