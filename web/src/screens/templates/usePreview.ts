// The live preview: the unsaved template rendered by POST /templates/preview, asked
// again ~300 ms after the last change, the request before it aborted (so a slow answer
// to an old text never replaces a newer one).
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, describeError, type Schemas } from "../../api/client";

export type PreviewRequest = Schemas["TemplatePreviewRequest"];
export type Rendered = Schemas["RenderedContent"];
export type FieldProblem = Schemas["FieldError"];

export interface Preview {
  // The last rendering of the current request (null while none or when it failed).
  result: Rendered | null;
  // A 422: every problem the server found, each with its field.
  problems: FieldProblem[];
  // Any other failure, said for a person.
  error: string | null;
  // A request is waiting or under way.
  loading: boolean;
}

const idle: Preview = { result: null, problems: [], error: null, loading: false };

export function usePreview(request: PreviewRequest | null, delayMs = 300): Preview {
  const [state, setState] = useState<Preview>(idle);
  // The request as text: a new object with the same content is no change.
  const key = request ? JSON.stringify(request) : "";
  useEffect(() => {
    if (!request) {
      setState(idle);
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.post("/api/v1/templates/preview", { body: request, signal: controller.signal }).then(
        (result) => {
          if (!controller.signal.aborted) setState({ result, problems: [], error: null, loading: false });
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          if (e instanceof ApiError && e.status === 422 && e.problem?.errors?.length) {
            setState({ result: null, problems: e.problem.errors, error: null, loading: false });
          } else {
            setState({ result: null, problems: [], error: describeError(e), loading: false });
          }
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return state;
}

// "291 / 280 — 11 over", "120 / 280 — 160 left".
export function lengthSummary(length: number, limit: number): string {
  return length > limit ? `${length} / ${limit} — ${length - limit} over` : `${length} / ${limit} — ${limit - length} left`;
}
