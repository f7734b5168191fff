// The operator's content templates: what each is for (type, platforms), whether it is
// offered when composing, and how it has done (uses, success rate), each leading to its
// editor.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { DataTable, InfiniteList, Link, Screen, TimeInZone, type Column } from "../../components";
import type { ScreenProps } from "../../routes";
import { takeFlash } from "./flash";
import type { Template } from "./template-form";
import "./templates.css";
import { platformLabel } from "../../lib/platforms";

// The start of a text, on one line.
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 90 ? line.slice(0, 89) + "…" : line;
}

const columns: Column<Template>[] = [
  {
    header: "Name",
    cell: (t) => (
      <>
        <Link href={`/templates/${t.id}`} class="template-name">
          {t.template_name}
        </Link>
        {t.template_text ? <span class="template-excerpt">{excerpt(t.template_text)}</span> : null}
      </>
    ),
  },
  { header: "Type", cell: (t) => t.content_type.charAt(0).toUpperCase() + t.content_type.slice(1) },
  {
    header: "Platforms",
    cell: (t) => (
      <span class="template-chips">
        {t.target_platforms.map((p) => (
          <span key={p} class="template-chip">
            {platformLabel(p)}
          </span>
        ))}
      </span>
    ),
  },
  {
    header: "Active",
    cell: (t) => (t.is_active ? <span class="template-chip template-active">active</span> : <span class="template-muted">inactive</span>),
  },
  { header: "Uses", class: "num", cell: (t) => t.usage_count },
  {
    header: "Success rate",
    class: "num",
    // Meaningless before the template is used.
    cell: (t) => (t.usage_count > 0 ? `${t.success_rate.toFixed(1)} %` : <span class="template-muted">—</span>),
  },
  { header: "Updated", cell: (t) => <TimeInZone at={t.updated_at} /> },
];

export function TemplatesScreen(_props: ScreenProps) {
  const [message] = useState(takeFlash);
  return (
    <Screen
      title="Templates"
      actions={
        <>
          <Link class="template-button" href="/posts/import">
            Import posts
          </Link>
          <Link class="template-button primary" href="/templates/new">
            New template
          </Link>
        </>
      }
    >
      <p class="template-saved" role="status">
        {message}
      </p>
      <InfiniteList<Template>
        label="Templates"
        load={(cursor, signal) => api.get("/api/v1/templates", { query: { limit: 100, cursor: cursor ?? undefined }, signal })}
        itemKey={(t) => t.id}
        render={(items) => <DataTable caption="Your templates" columns={columns} rows={items} rowKey={(t) => t.id} emptyText="" />}
        emptyText={
          <p>
            No templates yet. <Link href="/templates/new">Write the first one</Link>: a text with placeholders such as{" "}
            <code>{"{{persona.name}}"}</code> that each persona fills in its own way.
          </p>
        }
      />
    </Screen>
  );
}
