// Just enough of a browser for modules that read `window` when loaded (lib/router.ts).
globalThis.window ??= {
  location: { pathname: "/", search: "", origin: "http://persona.test" },
  addEventListener() {},
  history: { pushState() {}, replaceState() {} },
  scrollTo() {},
};
