import assert from "node:assert/strict";
import { test } from "node:test";
import "./fake-window.mjs";
import { refusedLines } from "../src/api/proxies.ts";

test("the refused lines are picked by the server's line numbers", () => {
  const text = "\uFEFF203.0.113.7:8080:a:b\r\nbad one\r\n\n# comment\nproxy.example.com:80:u:p\n";
  assert.equal(refusedLines(text, [{ line: 2 }, { line: 5 }]), "bad one\nproxy.example.com:80:u:p");
  assert.equal(refusedLines(text, []), "");
  assert.equal(refusedLines("a\nb", [{ line: 9 }]), "");
});
