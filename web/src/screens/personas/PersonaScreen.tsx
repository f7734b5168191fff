// One persona: a structured editor of everything the API lets the operator set (no raw
// JSON), the weekly posting times in the persona's zone, and what the server knows
// about it (risk, proxy, posts). "/personas/new" creates one; past the plan's limit the
// server's refusal is shown as such.
import { useMemo, useRef, useState } from "preact/hooks";
import { ApiError, api } from "../../api/client";
import { useResource } from "../../api/resource";
import { me } from "../../api/session";
import { ClockInZone, ConfirmButton, Field, Form, Link, ListState, Screen, TimeInZone, useForm } from "../../components";
import { allZones, browserZone } from "../../lib/time";
import { navigate } from "../../lib/router";
import type { ScreenProps } from "../../routes";
import { bodyOf, blankValues, changesOf, remapErrors, valuesOf, type Persona, type Values } from "./persona-form";
import { flash, takeFlash } from "./flash";
import { ScheduleGrid } from "./ScheduleGrid";
import "./personas.css";

export function PersonaScreen({ params }: ScreenProps) {
  const id = params.id ?? "new";
  if (id === "new") return <Editor persona={null} />;
  return <ExistingPersona id={id} />;
}

function ExistingPersona({ id }: { id: string }) {
  const res = useResource((signal) => api.get("/api/v1/personas/{id}", { path: { id }, signal }), [id]);
  if (res.data) return <Editor persona={res.data} />;
  return (
    <Screen title="Persona">
      <ListState loading={res.loading} error={res.error} empty emptyText="" onRetry={res.reload} />
      <p>
        <Link href="/personas">Back to personas</Link>
      </p>
    </Screen>
  );
}

const riskFactorNames: Record<string, string> = {
  account_warnings: "account warnings",
  accounts_suspended: "suspended accounts",
  accounts_banned: "banned accounts",
  security_events_critical: "critical security events",
  security_events_error: "security errors",
  security_events_warning: "security warnings",
  limit_hits: "limit hits",
  session_errors: "session errors",
  proxy_failed: "proxy check failed",
  proxy_degraded: "proxy degraded",
  proxy_missing: "no proxy assigned",
};

function Facts({ persona }: { persona: Persona }) {
  const risk = useResource((signal) => api.get("/api/v1/personas/{id}/risk", { path: { id: persona.id }, signal }), [persona.id]);
  const factors = (risk.data?.factors ?? []).filter((f) => f.contribution > 0);
  return (
    <section class="persona-facts" aria-label="At a glance">
      <dl>
        <div>
          <dt>Risk score</dt>
          <dd>
            <strong>{persona.risk_score.toFixed(2)}</strong>
            {factors.length > 0 ? (
              <span class="persona-muted">
                {" "}
                ({factors.map((f) => `${riskFactorNames[f.factor] ?? f.factor} +${f.contribution.toFixed(2)}`).join(", ")})
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Proxy</dt>
          <dd>
            {persona.proxy_id ? (
              <>
                {persona.proxy_id} · {persona.proxy_ip} · {persona.proxy_location}{" "}
                <span class={`persona-chip proxy-${persona.proxy_status}`}>{persona.proxy_status}</span>
              </>
            ) : (
              "none"
            )}{" "}
            · <Link href="/proxies">{persona.proxy_id ? "Proxies" : "Assign one in Proxies"}</Link>
          </dd>
        </div>
        <div>
          <dt>Accounts</dt>
          <dd>
            <Link href={`/personas/${persona.id}/accounts`}>Platform accounts of {persona.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Posts</dt>
          <dd>{persona.total_posts}</dd>
        </div>
        <div>
          <dt>Last active</dt>
          <dd>
            <TimeInZone at={persona.last_active} zone={persona.timezone} fallback="never" />
          </dd>
        </div>
        <div>
          <dt>Local time</dt>
          <dd>
            <ClockInZone zone={persona.timezone} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

// Every IANA zone the browser knows, by region; `current` too when the browser lacks it.
function ZoneOptions({ current }: { current: string }) {
  const groups = useMemo(() => {
    const byRegion = new Map<string, string[]>();
    for (const zone of allZones()) {
      const region = zone.includes("/") ? (zone.split("/")[0] ?? "Other") : "Other";
      byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
    }
    return [...byRegion];
  }, []);
  const known = groups.some(([, zones]) => zones.includes(current));
  return (
    <>
      {!known && current ? <option value={current}>{current}</option> : null}
      {groups.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

// The 409 of a create past max_personas: said plainly, with the way out.
function LimitRefusal({ detail, refusalRef }: { detail: string; refusalRef: { current: HTMLDivElement | null } }) {
  const user = me.value;
  const sentence = detail.charAt(0).toUpperCase() + detail.slice(1);
  return (
    <div ref={refusalRef} id="persona-refusal" class="persona-refusal" role="alert" tabIndex={-1} aria-labelledby="persona-refusal-title">
      <h2 id="persona-refusal-title">Persona limit reached</h2>
      <p>{sentence.endsWith(".") ? sentence : sentence + "."}</p>
      {user ? (
        <p>
          Your plan ({user.subscription_tier}) allows {user.max_personas} personas. Delete one you no longer need, or ask the
          administrator for a larger plan; what you entered here stays until you leave this screen.
        </p>
      ) : null}
      <p>
        <Link href="/personas">Go to your personas</Link>
      </p>
    </div>
  );
}

function Editor({ persona: loaded }: { persona: Persona | null }) {
  const [persona, setPersona] = useState(loaded);
  const form = useForm<Values>(persona ? valuesOf(persona) : blankValues(browserZone()));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(takeFlash);
  const refusalRef = useRef<HTMLDivElement>(null);
  const zone = String(form.values.value.timezone ?? "");

  const submit = async (values: Values) => {
    setRefusal(null);
    setMessage(null);
    const body = bodyOf(values);
    try {
      if (!persona) {
        const created = await api.post("/api/v1/personas", { body });
        flash.value = "Persona created.";
        navigate(`/personas/${created.id}`, { replace: true });
        return;
      }
      const changes = changesOf(body, bodyOf(valuesOf(persona)));
      if (Object.keys(changes).length === 0) {
        setMessage("No changes to save.");
        return;
      }
      const updated = await api.patch("/api/v1/personas/{id}", { path: { id: persona.id }, body: changes });
      setPersona(updated);
      form.reset(valuesOf(updated));
      setMessage("Changes saved.");
    } catch (e) {
      if (!persona && e instanceof ApiError && e.status === 409) {
        setRefusal(e.detail);
        requestAnimationFrame(() => refusalRef.current?.focus());
        return;
      }
      throw remapErrors(e, values);
    }
  };

  const remove = async () => {
    if (!persona) return;
    await api.delete("/api/v1/personas/{id}", { path: { id: persona.id } });
    flash.value = `Persona ${persona.name} deleted.`;
    navigate("/personas");
  };

  return (
    <Screen
      title={persona ? persona.name : "New persona"}
      actions={
        persona ? (
          <Link class="persona-button" href={`/personas/${persona.id}/accounts`}>
            Accounts
          </Link>
        ) : null
      }
    >
      <p class="persona-back">
        <Link href="/personas">← All personas</Link>
      </p>
      {persona ? <Facts persona={persona} /> : null}
      <Form
        form={form}
        class="persona-form"
        label={persona ? `Edit ${persona.name}` : "New persona"}
        onSubmit={submit}
        submitLabel={persona ? "Save changes" : "Create persona"}
        busyLabel="Saving…"
        actions={
          <>
            <Link class="persona-button" href="/personas">
              Cancel
            </Link>
            <p class="persona-saved" role="status">
              {message}
            </p>
            {persona ? (
              <span class="persona-delete">
                <ConfirmButton
                  title={`Delete ${persona.name}?`}
                  message={`${persona.name} is deleted with its platform accounts, sessions and posts, and its proxy is released. This cannot be undone.`}
                  confirmLabel="Delete persona"
                  onConfirm={remove}
                >
                  Delete persona
                </ConfirmButton>
              </span>
            ) : null}
          </>
        }
      >
        <fieldset>
          <legend>Identity</legend>
          <Field form={form} name="name" label="Name" required maxLength={100} autoComplete="off" />
          <Field form={form} name="status" label="Status" as="select">
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
            <option value="suspended">Suspended</option>
          </Field>
          <Field
            form={form}
            name="primary_location"
            label="Primary location"
            hint="The city the persona lives in, e.g. Manila."
            required
            maxLength={100}
          />
          <Field form={form} name="timezone" label="Time zone" as="select" hint="Posting times and the persona's day follow it.">
            <ZoneOptions current={zone} />
          </Field>
          <Field form={form} name="backstory" label="Backstory" as="textarea" maxLength={10000} />
        </fieldset>

        <fieldset>
          <legend>Demographics</legend>
          <Field form={form} name="demographics.age" label="Age" type="number" inputMode="numeric" min={13} max={120} hint="13 to 120." />
          <Field form={form} name="demographics.gender" label="Gender" maxLength={50} />
          <Field form={form} name="demographics.location" label="Home area" hint="e.g. Quezon City." maxLength={100} />
          <Field form={form} name="demographics.occupation" label="Occupation" maxLength={100} />
        </fieldset>

        <fieldset>
          <legend>Personality</legend>
          <Field form={form} name="personality.interests" label="Interests" as="textarea" hint="One per line." />
          <Field form={form} name="personality.values" label="Values" as="textarea" hint="One per line." />
          <Field form={form} name="personality.communication_style" label="Communication style" maxLength={200} />
          <Field
            form={form}
            name="language_preferences"
            label="Languages"
            hint={'Codes separated by commas: "en", "fil", "en-PH".'}
            autoComplete="off"
          />
        </fieldset>

        <fieldset>
          <legend>Content and engagement</legend>
          <Field form={form} name="content_themes.topics" label="Content topics" as="textarea" hint="One per line." />
          <Field form={form} name="content_themes.hashtags" label="Hashtags" hint="Separated by spaces or commas." autoComplete="off" />
          <Field form={form} name="content_themes.style" label="Content style" maxLength={200} />
          <Field form={form} name="engagement_style.comment_frequency" label="Comment frequency" as="select">
            <option value="">Not set</option>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </Field>
          <Field
            form={form}
            name="engagement_style.interaction_patterns"
            label="Interaction patterns"
            as="textarea"
            hint="One per line, e.g. replies to comments in the evening."
          />
        </fieldset>

        <fieldset class="persona-schedule">
          <legend>Activity schedule</legend>
          <Field
            form={form}
            name="activity_schedule.posts_per_day"
            label="Posts per day"
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            hint="0 to 50; leave empty for no target."
          />
          <ScheduleGrid form={form} zone={zone} />
        </fieldset>

        {refusal ? <LimitRefusal detail={refusal} refusalRef={refusalRef} /> : null}
      </Form>
    </Screen>
  );
}
