// The article page's comment form, enhanced: live feedback while typing
// (CommentCheck), sending with fetch to POST /api/v1/articles/{slug}/comments
// with a plain answer (published, waiting for a moderator, or refused and
// why, with the fix offered), replying without a reload, and reporting a
// comment in place. Without the script the form posts as a plain HTML form.
import { Api, type Comment, type PostResult } from "./api";
import { CommentCheck } from "./comment-check";
import { pageLang, ruleClause, strings, type Lang } from "./i18n";
import { el } from "./text";

export function slugFromAction(action: string): string | null {
  const m = /\/news\/([^/?#]+)\/comments\/?$/.exec(new URL(action, location.href).pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

const kMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// As the server shows times (site::FormatLocalTime): Istanbul time,
// "27.11.2026 03:02" in Turkish, "27 Nov 2026, 03:02" in English; the
// spaces do not break.
export function formatLocal(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Istanbul",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const text =
    lang === "en"
      ? `${Number(get("day"))} ${kMonths[Number(get("month")) - 1]} ${get("year")}, ${get("hour")}:${get("minute")}`
      : `${get("day")}.${get("month")}.${get("year")} ${get("hour")}:${get("minute")}`;
  return text.replace(/ /g, "\u00a0");
}

// A published comment as the server renders it (article_page.cc), text
// only: nothing the commenter typed becomes markup.
export function commentItem(c: Comment, lang: Lang): HTMLLIElement {
  const t = strings(lang);
  const id = String(c.id);
  const text = el("p", { class: "comment-text" });
  c.text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) text.append(el("br"));
    text.append(line);
  });
  const reply = el(
    "a",
    { class: "reply-link", href: "#comment-form", "data-reply-to": id, "data-reply-author": c.author },
    t.reply,
  );
  return el(
    "li",
    { class: "comment nr-new", id: `comment-${id}`, "data-comment-id": id },
    el(
      "article",
      { "aria-labelledby": `comment-${id}-author` },
      el(
        "header",
        { class: "comment-meta" },
        el("span", { class: "comment-author", id: `comment-${id}-author` }, c.author),
        " ",
        el("time", { class: "comment-time", datetime: c.created_at }, formatLocal(c.created_at, lang)),
      ),
      text,
      el("footer", { class: "comment-actions" }, reply),
    ),
  );
}

export function enhanceCommentForm(form: HTMLFormElement, api = new Api()): void {
  const lang = pageLang();
  const t = strings(lang);
  const textarea = form.querySelector<HTMLTextAreaElement>("textarea[name=text]");
  const live = form.querySelector<HTMLElement>("#comment-feedback");
  const author = form.querySelector<HTMLInputElement>("input[name=author]");
  const parent = form.querySelector<HTMLInputElement>("input[name=parent_id]");
  const slug = slugFromAction(form.getAttribute("action") || "");
  if (!textarea || !live || !author || !slug) return;

  const check = new CommentCheck({ textarea, live, api, lang });
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");

  setUpReplies(form, parent, textarea, lang);
  void tellLaterStatus(slug, check, lang, api);

  let busy = false;
  form.addEventListener("submit", async (event) => {
    if (!form.reportValidity()) return;
    event.preventDefault();
    if (busy) return;
    const body: { author: string; text: string; parent_id?: number } = {
      author: author.value.trim(),
      text: textarea.value,
    };
    if (parent && parent.value) body.parent_id = Number(parent.value);
    // The button is not disabled while sending (that would drop the
    // keyboard focus to the top of the page); a second press waits.
    busy = true;
    submit?.setAttribute("aria-disabled", "true");
    form.setAttribute("aria-busy", "true");
    check.say(t.sending);
    let result: PostResult;
    try {
      result = await api.postComment(slug, body);
    } catch {
      check.say(t.sendFailed, "error");
      return;
    } finally {
      busy = false;
      submit?.removeAttribute("aria-disabled");
      form.removeAttribute("aria-busy");
    }
    if (result.receipt && result.comment && result.status === "pending") {
      keepReceipt({ id: result.comment.id, receipt: result.receipt, slug, at: Date.now() });
    }
    if (result.status === "approved" && result.comment) {
      textarea.value = "";
      check.reset();
      check.say(t.published, "approved");
      showPublished(result.comment, lang);
      clearReply(form, parent);
    } else if (result.status === "pending") {
      textarea.value = "";
      check.reset();
      check.say(t.pending, "pending");
      clearReply(form, parent);
    } else if (result.status === "rejected" && result.verdict) {
      const hasFix = result.verdict.rules.some((r) => r.violated && r.fix);
      check.showVerdict(result.verdict, body.text, null);
      const why = result.verdict.rules
        .filter((r) => r.violated)
        .map((r) => (lang === "en" ? r.message?.en : r.message?.tr) || ruleClause(r.rule, lang));
      check.say([t.rejected, ...why, hasFix ? t.rejectedFix : ""].filter(Boolean).join(" "), "rejected");
    } else if (result.httpStatus === 429) {
      check.say(t.tooMany(result.retryAfter ?? 60), "error");
    } else {
      check.say(result.error ? t.sendError(result.error) : t.sendFailed, "error");
    }
  });
}

function showPublished(c: Comment, lang: Lang): void {
  const section = document.getElementById("comments");
  if (!section) return;
  section.querySelector(".no-comments")?.remove();
  let list = section.querySelector<HTMLOListElement>("ol.comment-list");
  if (!list) {
    list = el("ol", { class: "comment-list" });
    section.append(list);
  }
  const item = commentItem(c, lang);
  const parentItem = c.parent_id != null ? document.getElementById(`comment-${c.parent_id}`) : null;
  if (parentItem) {
    // Replies sit under the first comment of their thread, oldest first.
    const top = (parentItem.closest("ol.replies")?.closest("li.comment") as HTMLElement | null) ?? parentItem;
    let replies = top.querySelector<HTMLOListElement>(":scope > ol.replies");
    if (!replies) {
      replies = el("ol", { class: "replies", "aria-label": strings(lang).replies });
      top.append(replies);
    }
    replies.append(item);
  } else {
    const oldestFirst = section.querySelector('.comment-order a[href*="order=oldest"][aria-current]');
    if (oldestFirst) list.append(item);
    else list.prepend(item);
  }
  const count = section.querySelector("#comments-title .count");
  if (count) {
    const n = document.querySelectorAll("#comments li.comment").length;
    count.textContent = `(${n})`;
  }
}

function clearReply(form: HTMLFormElement, parent: HTMLInputElement | null): void {
  if (parent) parent.value = "";
  form.querySelector(".replying-to")?.remove();
}

function setUpReplies(
  form: HTMLFormElement,
  parent: HTMLInputElement | null,
  textarea: HTMLTextAreaElement,
  lang: Lang,
): void {
  if (!parent) return;
  const t = strings(lang);
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-reply-to]");
    if (!link) return;
    event.preventDefault();
    parent.value = link.dataset.replyTo || "";
    form.querySelector(".replying-to")?.remove();
    const cancel = el("button", { type: "button", class: "link-button" }, t.cancel);
    cancel.addEventListener("click", () => {
      clearReply(form, parent);
      textarea.focus();
    });
    const note = el(
      "p",
      { class: "replying-to" },
      `${t.replyingTo}: `,
      el("a", { href: `#comment-${parent.value}` }, link.dataset.replyAuthor || `#${parent.value}`),
      " · ",
      cancel,
    );
    form.querySelector("h3")?.after(note);
    textarea.focus();
  });
}

export function enhanceReportForms(api = new Api()): void {
  const t = strings(pageLang());
  document.addEventListener("submit", async (event) => {
    const form = (event.target as Element | null)?.closest<HTMLFormElement>("form[data-report-form]");
    if (!form) return;
    const id = form.closest<HTMLElement>("li.comment")?.dataset.commentId;
    if (!id) return;
    event.preventDefault();
    if (form.dataset.reported === "true") return;
    const button = form.querySelector("button");
    let ok = false;
    try {
      ok = await api.report(id);
    } catch {
      ok = false;
    }
    const note = el("span", { class: "nr-report-note", role: "status" }, ok ? t.reportThanks : t.reportFailed);
    form.querySelector(".nr-report-note")?.remove();
    form.append(" ", note);
    if (ok && button) {
      // Not disabled: the focus stays on the button, which now says (and
      // is named) what happened.
      button.setAttribute("aria-disabled", "true");
      button.textContent = t.reported;
      button.setAttribute("aria-label", t.reported);
      form.dataset.reported = "true";
    }
  });
}

// Receipts of comments this browser posted that wait for a moderator:
// when the reader comes back to the article, they are told what became of
// them (and why, when the moderator gave a reason the site shares).
interface Receipt {
  id: number;
  receipt: string;
  slug: string;
  at: number;
}
const kReceipts = "newsroom-receipts";
const kReceiptDays = 30;

function receipts(): Receipt[] {
  try {
    const list = JSON.parse(localStorage.getItem(kReceipts) || "[]");
    return Array.isArray(list) ? (list as Receipt[]) : [];
  } catch {
    return [];
  }
}

function saveReceipts(list: Receipt[]): void {
  try {
    const fresh = list.filter((r) => Date.now() - r.at < kReceiptDays * 86400_000).slice(-50);
    localStorage.setItem(kReceipts, JSON.stringify(fresh));
  } catch {
    // Storage full or refused: the reader simply is not told later.
  }
}

function keepReceipt(r: Receipt): void {
  saveReceipts([...receipts(), r]);
}

async function tellLaterStatus(slug: string, check: CommentCheck, lang: Lang, api: Api): Promise<void> {
  const t = strings(lang);
  const mine = receipts().filter((r) => r.slug === slug);
  if (mine.length === 0) return;
  const done = new Set<number>();
  const messages: string[] = [];
  for (const r of mine) {
    const answer = await api.commentStatus(r.id, r.receipt).catch(() => null);
    if (!answer) continue;
    if (answer.status === "approved") {
      messages.push(t.laterApproved);
      done.add(r.id);
    } else if (answer.status === "rejected") {
      const why = answer.message ? (lang === "en" ? answer.message.en : answer.message.tr) : "";
      messages.push(why ? `${t.laterRejected} ${t.laterReason} ${why}` : t.laterRejected);
      done.add(r.id);
    }
  }
  if (done.size) saveReceipts(receipts().filter((r) => !done.has(r.id)));
  if (messages.length) check.say(messages.join(" "), "info");
}
