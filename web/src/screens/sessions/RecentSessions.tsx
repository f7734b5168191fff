// The sessions that ended, newest first, with how long each lasted and how it ended.
import { api, type Schemas } from "../../api/client";
import { DataTable, InfiniteList, TimeInZone } from "../../components";

type Session = Schemas["Session"];
type Persona = Schemas["Persona"];

const endReasons: Record<string, string> = {
  manual: "ended by you",
  idle_timeout: "idle for 2 hours",
  error: "error",
};

export function RecentSessions(props: { personas: Persona[]; resetKey: unknown }) {
  const persona = (id: string | undefined) => props.personas.find((p) => p.id === id);
  return (
    <InfiniteList<Session>
      label="Ended sessions"
      resetKey={props.resetKey}
      itemKey={(s) => s.id}
      emptyText="No session has ended yet."
      load={async (cursor, signal) => {
        const page = await api.get("/api/v1/sessions", { query: { limit: 25, cursor: cursor ?? undefined }, signal });
        // Live ones are shown above, with their persona.
        return { items: page.items.filter((s) => s.ended_at), next_cursor: page.next_cursor };
      }}
      render={(items) => (
        <DataTable<Session>
          caption="Ended sessions"
          rows={items}
          rowKey={(s) => s.id}
          emptyText="No session has ended yet."
          columns={[
            { header: "Persona", cell: (s) => persona(s.persona_id)?.name ?? "—" },
            { header: "Started", cell: (s) => <TimeInZone at={s.started_at} zone={persona(s.persona_id)?.timezone} /> },
            { header: "Ended", cell: (s) => <TimeInZone at={s.ended_at} zone={persona(s.persona_id)?.timezone} /> },
            { header: "Duration", class: "num", cell: (s) => minutesText(s.duration_minutes) },
            { header: "Actions", class: "num", cell: (s) => s.actions_performed },
            { header: "Posts", class: "num", cell: (s) => s.content_posted },
            {
              header: "How",
              cell: (s) =>
                s.end_reason === "error" && s.error_message
                  ? `error: ${s.error_message}`
                  : (endReasons[s.end_reason ?? ""] ?? s.session_status ?? "—"),
            },
          ]}
        />
      )}
    />
  );
}

// duration_minutes is whole minutes: "under 1 min", "45 min", "2 h 05 min".
function minutesText(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "—";
  if (minutes < 1) return "under 1 min";
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
