// The engine counts offsets in Unicode code points; JavaScript strings are
// UTF-16. These helpers work in code points so that "ğ" and an emoji both
// count as one, as the verdict's spans do.

export function codePoints(text: string): string[] {
  return Array.from(text);
}

// The text between code points [start, end).
export function slice(text: string, start: number, end: number): string {
  return codePoints(text).slice(start, end).join("");
}

// `text` with code points [start, end) replaced by `by`, or null when the
// text there is no longer `expected` (the draft changed since the check).
export function replaceSpan(
  text: string,
  start: number,
  end: number,
  expected: string,
  by: string,
): string | null {
  const cps = codePoints(text);
  if (start < 0 || end > cps.length || start > end) return null;
  if (cps.slice(start, end).join("") !== expected) return null;
  return cps.slice(0, start).join("") + by + cps.slice(end).join("");
}

// The UTF-16 index of code point `cp` in `text` (for the caret).
export function utf16Index(text: string, cp: number): number {
  return codePoints(text).slice(0, cp).join("").length;
}

// A DOM element with text only: nothing from a reader or from the server
// becomes markup.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c == null) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

// A polite live region of its own for announcements that belong to no
// form (copy link, moderators' decisions).
export function announcer(doc: Document = document): (message: string) => void {
  let region = doc.getElementById("nr-announcer");
  if (!region) {
    region = el("div", {
      id: "nr-announcer",
      class: "nr-visually-hidden",
      role: "status",
      "aria-live": "polite",
    });
    doc.body.append(region);
  }
  const r = region;
  return (message: string) => {
    // Emptied first so that the same message twice is read twice.
    r.textContent = "";
    window.setTimeout(() => {
      r.textContent = message;
    }, 50);
  };
}
