// What the last action of a personas screen did, said by the screen it led to
// ("Persona created.", "Persona Maria deleted."); read once, then cleared.
import { signal } from "@preact/signals";

export const flash = signal<string | null>(null);

export function takeFlash(): string | null {
  const message = flash.peek();
  flash.value = null;
  return message;
}
