// Engagement over time: per persona and per template, the weighted engagement rate
// (docs/engagement.md) of each published post by window, and each template's success
// rate. Computed here from every published post.
import { useMemo } from "preact/hooks";
import { api } from "../../api/client";
import { loadPublishedPosts, loadTemplates, type Persona, type Post, type Template } from "../../api/posts";
import { useResource } from "../../api/resource";
import { Link, ListState, Screen } from "../../components";
import { groupBy, ratePoints, type RatePoint } from "../../lib/engagement";
import type { ScreenProps } from "../../routes";
import { RateChart } from "./RateChart";
import "./engagement.css";

interface Loaded {
  posts: Post[];
  personas: Persona[];
  templates: Template[];
}

async function load(signal: AbortSignal): Promise<Loaded> {
  const [posts, personas, templates] = await Promise.all([
    loadPublishedPosts(signal),
    api.get("/api/v1/personas", { query: { limit: 200 }, signal }).then((p) => p.items),
    loadTemplates(signal),
  ]);
  return { posts, personas, templates };
}

interface Group {
  id: string;
  name: string;
  points: RatePoint[];
  published: number;
  template?: Template;
}

function groups(posts: Post[], key: (p: Post) => string | null | undefined, name: (id: string) => string): Group[] {
  return [...groupBy(posts, key)]
    .map(([id, list]) => ({ id, name: name(id), points: ratePoints(list), published: list.length }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function EngagementScreen(_props: ScreenProps) {
  const loaded = useResource(load, []);
  const data = loaded.data;
  const view = useMemo(() => {
    if (!data) return null;
    const personas = new Map(data.personas.map((p) => [p.id, p]));
    const templates = new Map(data.templates.map((t) => [t.id, t]));
    const byPersona = groups(data.posts, (p) => p.persona_id, (id) => personas.get(id)?.name ?? "Unknown persona");
    const byTemplate = groups(data.posts, (p) => p.content_template_id, (id) => templates.get(id)?.template_name ?? "Deleted template").map(
      (g) => ({ ...g, template: templates.get(g.id) }),
    );
    return { byPersona, byTemplate, posts: new Map(data.posts.map((p) => [p.id, p])) };
  }, [data]);

  return (
    <Screen title="Engagement">
      <div class="engagement-screen">
        <p class="engagement-intro">
          The weighted engagement rate of each published post, by checkpoint: 100 × (likes + 2 × comments + 3 × shares + 2 ×
          saves) ÷ views, in percent. A post without views has no rate.
        </p>
        <ListState
          loading={loaded.loading}
          error={loaded.error}
          empty={!view || view.byPersona.length === 0}
          emptyText="No published posts yet: rates appear once posts are published and their counts recorded."
          onRetry={loaded.reload}
        >
          {view ? (
            <>
              <section aria-labelledby="eng-personas-title">
                <h2 id="eng-personas-title">By persona</h2>
                <div class="chart-grid">
                  {view.byPersona.map((g) => (
                    <ChartCard key={g.id} group={g} title={`Persona ${g.name}`} posts={view.posts} />
                  ))}
                </div>
              </section>
              <section aria-labelledby="eng-templates-title">
                <h2 id="eng-templates-title">By template</h2>
                {view.byTemplate.length === 0 ? (
                  <p class="engagement-muted">No published post came from a template yet.</p>
                ) : (
                  <div class="chart-grid">
                    {view.byTemplate.map((g) => (
                      <ChartCard key={g.id} group={g} title={`Template ${g.name}`} posts={view.posts} />
                    ))}
                  </div>
                )}
              </section>
            </>
          ) : null}
        </ListState>
      </div>
    </Screen>
  );
}

function ChartCard(props: { group: Group; title: string; posts: Map<string, Post> }) {
  const { group } = props;
  const headingId = `chart-${group.id}`;
  return (
    <section class="chart-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {group.template ? <Link href={`/templates/${group.template.id}`}>{group.name}</Link> : group.name}
      </h3>
      <p class="engagement-muted">
        {group.published} published, {group.points.length} with a rate
        {group.template ? (
          <>
            {" · "}
            <strong class="success-rate">Success rate {group.template.success_rate.toFixed(0)} %</strong> (posts at 2 % or
            more), {group.template.usage_count === 1 ? "used once" : `used ${group.template.usage_count} times`}
          </>
        ) : null}
      </p>
      {group.points.length === 0 ? (
        <p class="engagement-muted">No counts with views recorded yet.</p>
      ) : (
        <RateChart title={props.title} points={group.points} posts={props.posts} />
      )}
    </section>
  );
}
