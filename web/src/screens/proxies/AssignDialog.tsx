// Assigning a proxy to a persona: one proxy per persona, one persona per proxy. The
// personas that already have a proxy are marked, not hidden: the server decides (409),
// and its answer is shown as it is.
import { api, ApiError, type Schemas } from "../../api/client";
import { Dialog, Field, Form, useForm } from "../../components";

export interface AssignDialogProps {
  proxy: Schemas["Proxy"];
  personas: Schemas["Persona"][];
  onClose: () => void;
  onAssigned: (persona: Schemas["Persona"]) => void;
}

export function AssignDialog(props: AssignDialogProps) {
  const form = useForm({ persona: "" });
  // Personas without a proxy first, each group by name.
  const choices = [...props.personas].sort(
    (a, b) => Number(a.proxy_id !== null) - Number(b.proxy_id !== null) || a.name.localeCompare(b.name),
  );

  const submit = async (values: typeof form.values.value) => {
    if (!values.persona) {
      const message = "Choose a persona.";
      throw new ApiError(422, message, {
        type: "about:blank",
        title: "Unprocessable Content",
        status: 422,
        detail: message,
        errors: [{ field: "persona", message }],
      });
    }
    const persona = await api.put("/api/v1/personas/{id}/proxy", {
      path: { id: values.persona },
      body: { proxy: props.proxy.id },
    });
    props.onAssigned(persona);
  };

  return (
    <Dialog open title={`Assign ${props.proxy.proxy_id}`} onClose={props.onClose} actions={<></>}>
      {choices.length === 0 ? (
        <p>There are no personas yet. Create one first.</p>
      ) : (
        <Form
          form={form}
          class="form proxies-assign-form"
          onSubmit={submit}
          submitLabel="Assign"
          busyLabel="Assigning…"
          actions={
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
          }
        >
          <Field form={form} name="persona" label="Persona" as="select" autoFocus hint="A persona keeps one proxy until you release it.">
            <option value="">Choose…</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.proxy_id ? `${p.name} (has ${p.proxy_id})` : p.name}
              </option>
            ))}
          </Field>
        </Form>
      )}
    </Dialog>
  );
}
