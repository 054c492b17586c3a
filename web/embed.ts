// The comments of one article, with the comment form and its live
// feedback, on another site's page:
//
//   <div id="newsroom-comments"></div>   (optional; else after the script)
//   <script src="https://SITE/assets/embed.js" data-article="SLUG"
//           data-target="#newsroom-comments" data-lang="tr" async></script>
//
// The API is the Newsroom server the script came from (its origin), which
// must answer this page's origin with CORS headers.
import siteCss from "./src/newsroom.css?inline";
import embedCss from "./src/embed.css?inline";
import { Api, type Comment } from "./src/api";
import { CommentCheck } from "./src/comment-check";
import { commentItem } from "./src/comment-form";
import { strings, type Lang } from "./src/i18n";
import { el } from "./src/text";

let counter = 0;

function addStyles(): void {
  if (document.getElementById("nr-embed-styles")) return;
  const style = el("style", { id: "nr-embed-styles" }, siteCss + "\n" + embedCss);
  document.head.append(style);
}

// Top-level comments newest first, each followed by its whole thread
// oldest first (as the article page shows them). The windows loaded so far
// follow one another newest first, so their comments thread as one list.
function threads(comments: Comment[]): { top: Comment; replies: Comment[] }[] {
  const sorted = [...comments].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  const threadOf = new Map<number, number>();
  const out: { top: Comment; replies: Comment[] }[] = [];
  for (const c of sorted) {
    const p = c.parent_id != null ? threadOf.get(c.parent_id) : undefined;
    if (p !== undefined) {
      out[p].replies.push(c);
      threadOf.set(c.id, p);
    } else {
      threadOf.set(c.id, out.length);
      out.push({ top: c, replies: [] });
    }
  }
  return out.reverse();
}

class Embed {
  private readonly t;
  private readonly api: Api;
  private readonly list = el("ol", { class: "comment-list" });
  private readonly count = el("span", { class: "count" });
  // The windows loaded so far, and the cursor of the next (null: none).
  private loaded: Comment[] = [];
  private next: string | null = null;
  private readonly more: HTMLButtonElement;
  private readonly empty: HTMLParagraphElement;
  private parentId: number | null = null;
  private readonly form: HTMLFormElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly author: HTMLInputElement;
  private readonly live: HTMLElement;
  private readonly replying: HTMLElement;
  private check!: CommentCheck;

  constructor(
    root: HTMLElement,
    base: string,
    private readonly slug: string,
    private readonly lang: Lang,
  ) {
    this.t = strings(lang);
    this.api = new Api(base);
    const t = this.t;
    const n = ++counter;
    const id = (s: string) => `nr-embed-${n}-${s}`;
    root.classList.add("nr-embed");
    root.setAttribute("lang", lang);
    this.empty = el("p", { class: "no-comments", hidden: "" }, t.noComments);
    this.more = el("button", { type: "button", class: "more-comments", hidden: "" }, t.moreComments);
    this.more.addEventListener("click", () => void this.loadMore());
    this.textarea = el("textarea", {
      id: id("text"), name: "text", rows: "5", required: "", maxlength: "5000",
      "aria-describedby": `${id("help")} ${id("feedback")}`,
    });
    this.author = el("input", { id: id("author"), name: "author", type: "text", required: "", maxlength: "80", autocomplete: "name" });
    this.live = el("div", { class: "form-feedback", id: id("feedback"), role: "status", "aria-live": "polite" });
    this.replying = el("p", { class: "replying-to", hidden: "" });
    this.form = el(
      "form",
      { class: "comment-form", "aria-labelledby": id("form-title"), novalidate: "" },
      el("h3", { id: id("form-title") }, t.writeComment),
      this.replying,
      el("div", { class: "field" }, el("label", { for: id("author") }, t.yourName), this.author),
      el(
        "div",
        { class: "field" },
        el("label", { for: id("text") }, t.yourComment),
        this.textarea,
        el("p", { class: "help", id: id("help") }, t.help),
      ),
      this.live,
      el("button", { type: "submit" }, t.send),
    );
    root.replaceChildren(
      el(
        "section",
        { class: "comments", "aria-labelledby": id("title") },
        el("h2", { id: id("title") }, `${t.comments} `, this.count),
        this.empty,
        this.list,
        this.more,
      ),
      this.form,
      el("p", { class: "nr-powered" }, t.poweredBy),
    );
    this.check = new CommentCheck({ textarea: this.textarea, live: this.live, api: this.api, lang });
    this.form.addEventListener("submit", (e) => void this.submit(e));
    root.addEventListener("click", (e) => {
      const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-reply-to]");
      if (!link || !root.contains(link)) return;
      e.preventDefault();
      this.replyTo(Number(link.dataset.replyTo), link.dataset.replyAuthor || "");
    });
  }

  // The first window again (after a post of one's own, too).
  async load(): Promise<void> {
    try {
      const w = await this.api.comments(this.slug);
      this.loaded = w.comments;
      this.next = w.next_cursor;
      this.render(w.total);
    } catch {
      this.count.textContent = "";
      this.empty.hidden = false;
      this.empty.textContent = this.t.loadFailed;
    }
  }

  // The window after those shown, added below them.
  private async loadMore(): Promise<void> {
    if (this.next === null) return;
    this.more.disabled = true;
    try {
      const w = await this.api.comments(this.slug, this.next);
      const shown = new Set(this.loaded.map((c) => c.id));
      this.loaded.push(...w.comments.filter((c) => !shown.has(c.id)));
      this.next = w.next_cursor;
      this.render(w.total);
    } catch {
      this.more.textContent = this.t.loadFailed;
    } finally {
      this.more.disabled = false;
    }
  }

  private render(total: number): void {
    this.list.replaceChildren();
    for (const th of threads(this.loaded)) {
      const li = this.item(th.top);
      if (th.replies.length) {
        li.append(el("ol", { class: "replies", "aria-label": this.t.replies }, ...th.replies.map((r) => this.item(r))));
      }
      if (th.top.more_replies) li.append(el("p", { class: "more-replies" }, this.t.moreReplies(th.top.more_replies)));
      this.list.append(li);
    }
    this.count.textContent = `(${total})`;
    this.empty.hidden = this.loaded.length > 0;
    this.more.hidden = this.next === null;
    this.more.textContent = this.t.moreComments; // again, after a failed load
  }

  private item(c: Comment): HTMLLIElement {
    const li = commentItem(c, this.lang);
    li.classList.remove("nr-new");
    li.id = `nr-embed-comment-${c.id}`;
    li.querySelector("a[data-reply-to]")?.setAttribute("href", `#${this.form.getAttribute("aria-labelledby")}`);
    return li;
  }

  private replyTo(id: number, author: string): void {
    this.parentId = id;
    const cancel = el("button", { type: "button", class: "link-button" }, this.t.cancel);
    cancel.addEventListener("click", () => {
      this.parentId = null;
      this.replying.hidden = true;
      this.textarea.focus();
    });
    this.replying.replaceChildren(`${this.t.replyingTo}: ${author} · `, cancel);
    this.replying.hidden = false;
    this.textarea.focus();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const t = this.t;
    if (!this.author.value.trim()) {
      this.author.focus();
      this.author.reportValidity();
      return;
    }
    if (!this.textarea.value.trim()) {
      this.textarea.focus();
      this.textarea.reportValidity();
      return;
    }
    const body: { author: string; text: string; parent_id?: number } = {
      author: this.author.value.trim(),
      text: this.textarea.value,
    };
    if (this.parentId != null) body.parent_id = this.parentId;
    this.check.say(t.sending);
    try {
      const r = await this.api.postComment(this.slug, body);
      if (r.status === "approved" || r.status === "pending") {
        this.textarea.value = "";
        this.check.reset();
        this.parentId = null;
        this.replying.hidden = true;
        this.check.say(r.status === "approved" ? t.published : t.pending, r.status);
        if (r.status === "approved") await this.load();
      } else if (r.status === "rejected" && r.verdict) {
        this.check.showVerdict(r.verdict, body.text, null);
        const why = r.verdict.rules
          .filter((f) => f.violated)
          .map((f) => (this.lang === "en" ? f.message?.en : f.message?.tr) || f.rule);
        const hasFix = r.verdict.rules.some((f) => f.violated && f.fix);
        this.check.say([t.rejected, ...why, hasFix ? t.rejectedFix : ""].filter(Boolean).join(" "), "rejected");
      } else if (r.httpStatus === 429) {
        this.check.say(t.tooMany(r.retryAfter ?? 60), "error");
      } else {
        this.check.say(r.error ? t.sendError(r.error) : t.sendFailed, "error");
      }
    } catch {
      this.check.say(t.sendFailed, "error");
    }
  }
}

function mount(script: HTMLScriptElement): void {
  if (script.dataset.nrMounted) return;
  script.dataset.nrMounted = "1";
  const slug = script.dataset.article;
  if (!slug) return;
  const base = new URL(script.src, location.href).origin;
  const lang: Lang = (script.dataset.lang || "tr").toLowerCase().startsWith("en") ? "en" : "tr";
  let root = script.dataset.target ? document.querySelector<HTMLElement>(script.dataset.target) : null;
  if (!root) {
    root = el("div");
    script.after(root);
  }
  addStyles();
  void new Embed(root, base, slug, lang).load();
}

function start(): void {
  const current = document.currentScript as HTMLScriptElement | null;
  const scripts = current
    ? [current]
    : Array.from(document.querySelectorAll<HTMLScriptElement>('script[src$="/embed.js"][data-article]'));
  const go = () => scripts.forEach(mount);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go, { once: true });
  else go();
}

start();
