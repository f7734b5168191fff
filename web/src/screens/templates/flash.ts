// What the last action of a templates screen did, said by the screen it led to
// ("Template created.", "Template Morning coffee deleted."); read once, then cleared.
import { signal } from "@preact/signals";

export const flash = signal<string | null>(null);

export function takeFlash(): string | null {
  const message = flash.peek();
  flash.value = null;
  return message;
}
