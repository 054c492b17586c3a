// The moderators' queue (/moderation), enhanced: Approve and Reject are
// sent with fetch (POST /api/v1/comments/{id}/approve|reject with the
// page's CSRF token in X-CSRF-Token and the status the moderator saw as
// expected_status), the comment leaves the list without a reload and the
// tab counts follow. Keyboard: j / k select the next / previous comment,
// a approves and r rejects the selected one. Without the script each
// button is a plain form post.
import { Api } from "./api";
import { pageLang, strings } from "./i18n";
import { announcer, el } from "./text";

export function enhanceModeration(doc: Document = document, api = new Api()): void {
  const queue = doc.querySelector<HTMLElement>("section.queue");
  if (!queue) return;
  const t = strings(pageLang(doc));
  const say = announcer(doc);
  const items = () => Array.from(queue.querySelectorAll<HTMLLIElement>("li.queue-item"));
  let selected: HTMLLIElement | null = null;

  const title = queue.querySelector("h2");
  title?.after(el("p", { class: "nr-shortcuts", id: "nr-shortcuts" }, t.shortcuts));
  for (const item of items()) {
    item.tabIndex = -1;
    item.setAttribute("aria-describedby", "nr-shortcuts");
  }

  const select = (item: HTMLLIElement | null, focus = true) => {
    selected?.classList.remove("nr-selected");
    selected = item;
    if (!item) return;
    item.classList.add("nr-selected");
    if (focus) {
      item.focus();
      item.scrollIntoView({ block: "nearest" });
    }
  };

  const bumpCount = (status: string, delta: number) => {
    const count = doc.querySelector(`nav.tabs a[data-status="${status}"] .count`);
    if (!count) return;
    const n = Number((count.textContent || "").replace(/[^0-9]/g, "")) || 0;
    count.textContent = `(${Math.max(0, n + delta)})`;
  };

  const decide = async (item: HTMLLIElement, decision: "approve" | "reject") => {
    const form = item.querySelector<HTMLFormElement>(`form[action$="/${decision}"]`);
    if (!form || item.getAttribute("aria-busy") === "true") return;
    const id = item.dataset.commentId || "";
    const token = form.querySelector<HTMLInputElement>("input[name=csrf_token]")?.value || "";
    const from = item.dataset.status || form.querySelector<HTMLInputElement>("input[name=expected]")?.value || "";
    item.setAttribute("aria-busy", "true");
    for (const b of item.querySelectorAll("button")) b.disabled = true;
    let result;
    try {
      result = await api.decide(id, decision, token, from);
    } catch {
      result = { ok: false, status: 0, message: "" };
    }
    item.removeAttribute("aria-busy");
    if (!result.ok) {
      for (const b of item.querySelectorAll("button")) b.disabled = false;
      const message = result.status === 409 ? t.conflict : t.decideFailed(result.message || `HTTP ${result.status}`);
      item.querySelector(".nr-decide-error")?.remove();
      item.querySelector(".decide")?.after(el("p", { class: "notice notice-error nr-decide-error" }, message));
      say(message);
      return;
    }
    const to = decision === "approve" ? "approved" : "rejected";
    bumpCount(from, -1);
    bumpCount(to, +1);
    const list = items();
    const at = list.indexOf(item);
    const nextItem = list[at + 1] ?? list[at - 1] ?? null;
    item.remove();
    if (items().length === 0) {
      queue.querySelector("ol.queue-items")?.replaceWith(el("p", { class: "empty" }, t.emptyQueue));
    }
    say(decision === "approve" ? t.approved(id) : t.rejectedBy(id));
    if (selected === item) select(nextItem);
  };

  queue.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement;
    const item = form.closest<HTMLLIElement>("li.queue-item");
    const m = /\/(approve|reject)$/.exec(form.getAttribute("action") || "");
    if (!item || !m) return;
    event.preventDefault();
    select(item, false);
    void decide(item, m[1] as "approve" | "reject");
  });

  queue.addEventListener("focusin", (event) => {
    const item = (event.target as Element).closest<HTMLLIElement>("li.queue-item");
    if (item && item !== selected) select(item, false);
  });

  doc.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    const list = items();
    if (list.length === 0) return;
    const at = selected ? list.indexOf(selected) : -1;
    switch (event.key) {
      case "j":
        select(list[Math.min(list.length - 1, at + 1)]);
        break;
      case "k":
        select(list[Math.max(0, at - 1)]);
        break;
      case "a":
        if (!selected) return;
        void decide(selected, "approve");
        break;
      case "r":
        if (!selected) return;
        void decide(selected, "reject");
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
