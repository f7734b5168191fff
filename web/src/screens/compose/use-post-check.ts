// The server's live check of the draft being written (POST /posts/check): run ~400 ms
// after the last change, each new one aborting the call before it. The answer is kept
// with the text it measured, so a stale one is never taken for the current text.
import { useEffect, useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";

export type PostCheck = Schemas["PostCheck"];
export type PostCheckRequest = Schemas["PostCheckRequest"];

export interface CheckedDraft {
  // What was measured.
  request: PostCheckRequest;
  result: PostCheck;
}

const debounceMs = 400;

export function usePostCheck(request: PostCheckRequest | null): CheckedDraft | null {
  const [checked, setChecked] = useState<CheckedDraft | null>(null);
  const key = request ? JSON.stringify(request) : "";
  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.post("/api/v1/posts/check", { body: request, signal: controller.signal }).then(
        (result) => {
          if (!controller.signal.aborted) setChecked({ request, result });
        },
        // A failed check only means no server measures: the local ones stay on screen.
        () => {},
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return checked;
}
