// Live feedback on a comment draft, before it is sent.
//
// As the reader types (debounced, 400 ms), the draft goes to
// POST /api/v1/moderate and the verdict is shown three ways:
//   - a one-sentence summary in the form's live region (read out by screen
//     readers): what would happen, how many problems, whether a fix exists;
//   - a panel under the textarea: for each broken clause of the policy the
//     engine's message in the page's language, the offending fragments with
//     their character positions, and one-click fixes (the whole corrected
//     comment for all_caps and no_turkish_chars, a button per suggestion
//     for a misspelt word);
//   - marks behind the draft itself, in a mirror under a transparent
//     textarea (decoration only: aria-hidden, the panel says the same).
// Answers that arrive after the draft moved on are dropped; spans are
// code-point offsets and are used only while the text there is unchanged.
import type { Api, RuleFinding, Span, Verdict } from "./api";
import type { Lang } from "./i18n";
import { fixLabel, ruleClause, strings } from "./i18n";
import { codePoints, el, replaceSpan, utf16Index } from "./text";

export interface CheckOptions {
  textarea: HTMLTextAreaElement;
  live: HTMLElement; // the aria-live region
  api: Api;
  lang: Lang;
  delayMs?: number;
  maxFragments?: number;
}

interface Mark {
  start: number;
  end: number;
  text: string;
  rule: string;
}

export class CommentCheck {
  readonly panel: HTMLElement;
  private readonly t;
  private readonly mirror: HTMLElement;
  private readonly wrapper: HTMLElement;
  private timer = 0;
  private seq = 0;
  private controller: AbortController | null = null;
  private marks: Mark[] = [];
  private lastAnnounced = "";
  private verdictText: string | null = null;

  constructor(private readonly o: CheckOptions) {
    this.t = strings(o.lang);
    const ta = o.textarea;

    // The mirror sits under the textarea, which is made transparent.
    this.wrapper = el("div", { class: "nr-draft" });
    ta.parentNode!.insertBefore(this.wrapper, ta);
    this.mirror = el("div", { class: "nr-mirror", "aria-hidden": "true" });
    this.wrapper.append(this.mirror, ta);
    ta.classList.add("nr-draft-input");

    const panelId = `${ta.id || "nr-comment"}-check`;
    this.panel = el("div", { class: "nr-check", id: panelId, hidden: "" });
    this.wrapper.after(this.panel);
    const described = (ta.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (!described.includes(panelId)) described.push(panelId);
    ta.setAttribute("aria-describedby", described.join(" "));

    ta.addEventListener("input", () => this.onInput());
    ta.addEventListener("scroll", () => this.syncScroll());
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => this.layoutMirror()).observe(ta);
    }
    this.layoutMirror();
    if (ta.value.trim()) this.schedule(0);
  }

  // The live region: a sentence for screen readers and sighted readers.
  // quiet: for screen readers only, when the panel shows the same on
  // screen.
  say(message: string, kind = "info", quiet = false): void {
    const live = this.o.live;
    live.dataset.status = kind;
    const cls = quiet ? "nr-visually-hidden" : `notice notice-${kind}`;
    live.replaceChildren(el("p", { class: cls }, message));
    this.lastAnnounced = message;
  }

  clearSay(): void {
    this.o.live.replaceChildren();
    delete this.o.live.dataset.status;
    this.lastAnnounced = "";
  }

  // Checks the draft at once (after a fix, before a submit).
  checkNow(): Promise<void> {
    window.clearTimeout(this.timer);
    return this.run();
  }

  // Forget the verdict (after the comment was sent).
  reset(): void {
    window.clearTimeout(this.timer);
    this.controller?.abort();
    this.seq++;
    this.marks = [];
    this.verdictText = null;
    this.panel.hidden = true;
    this.panel.replaceChildren();
    this.renderMirror();
  }

  // Shows a verdict that came from elsewhere (the answer to a submit).
  showVerdict(verdict: Verdict, text: string, announce: string | null): void {
    this.render(verdict, text, announce);
  }

  private onInput(): void {
    this.renderMirror();
    this.schedule(this.o.delayMs ?? 400);
  }

  private schedule(ms: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), ms);
  }

  private async run(): Promise<void> {
    const text = this.o.textarea.value;
    const mySeq = ++this.seq;
    this.controller?.abort();
    if (!text.trim()) {
      this.reset();
      if (this.lastAnnounced) this.clearSay();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.panel.setAttribute("aria-busy", "true");
    try {
      const verdict = await this.o.api.moderate(text, controller.signal);
      if (mySeq !== this.seq || this.o.textarea.value !== text) return;
      this.render(verdict, text, "auto");
    } catch (e) {
      if (mySeq !== this.seq || (e as Error).name === "AbortError") return;
      this.say(this.t.checkFailed, "error");
    } finally {
      if (mySeq === this.seq) this.panel.removeAttribute("aria-busy");
    }
  }

  private message(f: RuleFinding): string {
    const m = f.message || {};
    const clause = ruleClause(f.rule, this.o.lang);
    return (this.o.lang === "en" ? m.en || m.tr : m.tr || m.en) || clause;
  }

  // announce: "auto" builds the summary; a string is said as it is; null
  // says nothing.
  private render(verdict: Verdict, text: string, announce: string | null): void {
    const t = this.t;
    const findings = (verdict.rules || []).filter((r) => r.violated);
    this.verdictText = text;
    this.marks = [];
    for (const f of findings) {
      for (const s of f.spans || []) {
        this.marks.push({ start: s.start, end: s.end, text: s.text, rule: f.rule });
      }
    }
    this.renderMirror();

    const panel = this.panel;
    panel.replaceChildren();
    panel.dataset.decision = verdict.decision;
    if (findings.length === 0) {
      panel.hidden = true;
      if (announce === "auto") {
        if (this.lastAnnounced && this.lastAnnounced !== t.clean) this.say(t.clean, "approved");
      } else if (announce) {
        this.say(announce);
      }
      return;
    }
    panel.hidden = false;
    const headingId = `${panel.id}-title`;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-labelledby", headingId);
    const outcome = verdict.decision === "reject" ? t.willReject : t.willReview;
    panel.append(
      el("p", { class: "nr-check-title", id: headingId }, el("strong", {}, t.checkTitle), ": ", outcome),
    );
    // Several rules with a fix each: one button that fixes them all (each
    // alone would leave the others, and the draft still refused).
    const fixable = findings.filter((f) => f.fix && f.fix !== text);
    const combined = fixable.length >= 2 && verdict.fix && verdict.fix !== text ? verdict.fix : null;
    const list = el("ul", { class: "nr-findings" });
    let anyFix = false;
    for (const f of findings) {
      const item = this.renderFinding(f, text, combined === null);
      if (item.querySelector("button")) anyFix = true;
      list.append(item);
    }
    panel.append(list);
    if (combined !== null) {
      anyFix = true;
      panel.append(this.fixBlock(combined, t.applyAll, "combined"));
    }

    if (announce === "auto") {
      const clauses = findings.map((f) => ruleClause(f.rule, this.o.lang)).join(", ");
      const sentence = `${outcome} ${t.problems(findings.length)}: ${clauses}.${anyFix ? " " + t.fixAvailable : ""}`;
      if (sentence !== this.lastAnnounced) {
        this.say(sentence, verdict.decision === "reject" ? "rejected" : "pending", true);
      }
    } else if (announce) {
      this.say(announce, verdict.decision === "reject" ? "rejected" : "pending");
    }
  }

  // The corrected draft and the button that puts it in place.
  private fixBlock(fix: string, label: string, rule: string): HTMLElement {
    const t = this.t;
    const button = el("button", { type: "button", class: "nr-apply-fix", "data-fix-rule": rule }, label);
    button.addEventListener("click", () => this.apply(fix, null));
    return el(
      "div",
      { class: "nr-fix" },
      el("p", { class: "nr-fix-preview" }, el("span", { class: "nr-label" }, `${t.fixPreview}: `), el("q", {}, fix)),
      button,
    );
  }

  private renderFinding(f: RuleFinding, text: string, withFix = true): HTMLElement {
    const t = this.t;
    const item = el("li", { class: "nr-finding", "data-rule": f.rule });
    item.append(el("p", { class: "nr-finding-message" }, this.message(f)));

    const spans = (f.spans || []).filter((s) => s.end > s.start);
    if (spans.length > 0) {
      const max = this.o.maxFragments ?? 12;
      // Words with suggestions one a line; the rest in a row.
      const inline = f.rule !== "spelling";
      const frag = el("ul", { class: inline ? "nr-fragments nr-inline" : "nr-fragments", "aria-label": t.fragments });
      for (const s of spans.slice(0, max)) frag.append(this.renderSpan(f, s));
      if (spans.length > max) frag.append(el("li", { class: "nr-more" }, t.more(spans.length - max)));
      item.append(frag);
    }

    if (withFix && f.fix && f.fix !== text) {
      item.append(this.fixBlock(f.fix, fixLabel(f.rule, this.o.lang), f.rule));
    }
    return item;
  }

  private renderSpan(f: RuleFinding, s: Span): HTMLElement {
    const t = this.t;
    const li = el(
      "li",
      { class: "nr-fragment", "data-start": String(s.start), "data-end": String(s.end) },
      el("mark", { "data-rule": f.rule }, s.text),
      " ",
      el("span", { class: "nr-pos" }, `(${t.position(s.start, s.end)})`),
    );
    // A misspelt word: a button per suggestion. Rules with a whole-comment
    // fix are fixed with that button instead.
    const options = f.rule === "spelling" ? (s.suggestions?.length ? s.suggestions : s.replacement ? [s.replacement] : []) : [];
    if (options.length > 0) {
      const group = el("span", { class: "nr-suggestions", role: "group", "aria-label": `${t.suggestions}: ${s.text}` });
      for (const word of options.slice(0, 5)) {
        const b = el("button", { type: "button", class: "nr-suggestion", "aria-label": t.replaceWith(s.text, word) }, word);
        b.addEventListener("click", () => this.apply(word, s));
        group.append(b);
      }
      li.append(" → ", group);
    }
    return li;
  }

  // Replaces the span (or, with span null, the whole draft) and checks again.
  private apply(by: string, span: Span | null): void {
    const ta = this.o.textarea;
    let next: string | null;
    let caret: number;
    if (span) {
      next = replaceSpan(ta.value, span.start, span.end, span.text, by);
      caret = span.start + codePoints(by).length;
    } else {
      next = by;
      caret = codePoints(by).length;
    }
    if (next === null) {
      void this.checkNow(); // the draft moved on; check it as it is now
      return;
    }
    ta.value = next;
    ta.focus();
    const at = utf16Index(next, caret);
    ta.setSelectionRange(at, at);
    this.say(span ? this.t.replaced(span.text, by) : this.t.fixApplied);
    this.renderMirror();
    void this.checkNow();
  }

  // The mirror: the draft's text with the marked spans, same box and font.
  private renderMirror(): void {
    const text = this.o.textarea.value;
    const cps = codePoints(text);
    const valid = this.marks
      .filter((m) => m.end <= cps.length && cps.slice(m.start, m.end).join("") === m.text)
      .sort((a, b) => a.start - b.start);
    const nodes: Node[] = [];
    let pos = 0;
    for (const m of valid) {
      if (m.start < pos) continue;
      nodes.push(document.createTextNode(cps.slice(pos, m.start).join("")));
      nodes.push(el("mark", { "data-rule": m.rule }, cps.slice(m.start, m.end).join("")));
      pos = m.end;
    }
    // A trailing newline needs a character after it to take up a line.
    nodes.push(document.createTextNode(cps.slice(pos).join("") + "\u200b"));
    this.mirror.replaceChildren(...nodes);
    this.wrapper.classList.toggle("nr-has-marks", valid.length > 0);
    this.syncScroll();
    void this.verdictText;
  }

  private layoutMirror(): void {
    const ta = this.o.textarea;
    const cs = getComputedStyle(ta);
    const m = this.mirror.style;
    for (const p of [
      "fontFamily", "fontSize", "fontWeight", "fontStyle", "lineHeight", "letterSpacing",
      "wordSpacing", "textTransform", "textIndent", "tabSize",
      "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
      "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
      "boxSizing",
    ] as const) {
      (m as any)[p] = (cs as any)[p];
    }
    m.borderStyle = "solid";
    m.borderColor = "transparent";
    m.width = `${ta.offsetWidth}px`;
    m.height = `${ta.offsetHeight}px`;
    // Leave room for the textarea's scroll bar, if it has one.
    const bar = ta.offsetWidth - ta.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
    if (bar > 0) m.paddingRight = `${parseFloat(cs.paddingRight) + bar}px`;
    this.syncScroll();
  }

  private syncScroll(): void {
    this.mirror.scrollTop = this.o.textarea.scrollTop;
    this.mirror.scrollLeft = this.o.textarea.scrollLeft;
  }
}
