// The moderators' queue (/moderation), enhanced. Without the script the
// queue is one form that posts the checked comments, or one comment's own
// button, to /moderation/decide. With it:
//   - decisions go with fetch to POST /api/v1/moderation/decisions (the
//     page's CSRF token in X-CSRF-Token, each comment's status as seen in
//     expected_status); decided rows leave the list, the tab counts follow,
//     and a row another moderator decided first stays, saying what it is
//     now;
//   - the last decision can be undone (button, or u);
//   - the thread around a comment opens under it on demand (t, or its link);
//   - keyboard, scoped to the queue (WCAG 2.1.4: the single-letter keys act
//     only while focus is inside the queue, and say so): j / k or the arrow
//     keys move, x selects, a / r approve / reject the selected comments or
//     else the current one, t opens the thread, u undoes.
import { Api, type DecisionAnswer, type DecisionRequest } from "./api";
import { pageLang, strings, type Strings } from "./i18n";
import { announcer, el } from "./text";

interface Undo {
  rows: { item: HTMLLIElement; next: Element | null; parent: Element }[];
  requests: DecisionRequest[];
  from: string;
  to: string;
}

export function enhanceModeration(doc: Document = document, api = new Api()): void {
  const queue = doc.querySelector<HTMLElement>("section.queue");
  const form = doc.querySelector<HTMLFormElement>("form#queue-form");
  if (!queue || !form) return;
  const t = strings(pageLang(doc));
  const say = announcer(doc);
  const token = form.querySelector<HTMLInputElement>("input[name=csrf_token]")?.value || "";
  const reasonSelect = form.querySelector<HTMLSelectElement>("select[name=reason]");
  const items = () => Array.from(queue.querySelectorAll<HTMLLIElement>("li.queue-item"));
  let current: HTMLLIElement | null = null;
  let lastUndo: Undo | null = null;

  // Where the keys work, said once for everyone.
  const hint = el("p", { class: "nr-shortcuts", id: "nr-shortcuts" }, t.shortcuts);
  queue.querySelector("h2")?.after(hint);
  const status = el("div", { class: "nr-queue-status", role: "status", "aria-live": "polite" });
  form.before(status);

  // Select all.
  const bulk = form.querySelector(".bulk");
  const all = el("input", { type: "checkbox", id: "nr-select-all" }) as HTMLInputElement;
  bulk?.prepend(el("span", { class: "nr-select-all" }, all, " ", el("label", { for: "nr-select-all" }, t.selectAll)));
  all.addEventListener("change", () => {
    for (const box of form.querySelectorAll<HTMLInputElement>("li.queue-item input.select")) box.checked = all.checked;
    syncSelected();
  });

  for (const item of items()) {
    item.tabIndex = -1;
    item.setAttribute("aria-describedby", "nr-shortcuts");
  }
  const first = items()[0];
  if (first) first.tabIndex = 0;

  const focusRow = (item: HTMLLIElement | null, focus = true) => {
    if (current) {
      current.classList.remove("nr-current");
      current.tabIndex = -1;
    }
    current = item;
    if (!item) return;
    item.classList.add("nr-current");
    item.tabIndex = 0;
    if (focus) {
      item.focus();
      item.scrollIntoView({ block: "nearest" });
    }
  };

  const syncSelected = () => {
    for (const item of items()) {
      const box = item.querySelector<HTMLInputElement>("input.select");
      item.classList.toggle("nr-selected", !!box?.checked);
    }
  };
  form.addEventListener("change", (e) => {
    if ((e.target as Element).matches("input.select")) syncSelected();
  });

  const bumpCount = (st: string, delta: number) => {
    const count = doc.querySelector(`nav.tabs a[data-status="${st}"] .count`);
    if (!count) return;
    const n = Number((count.textContent || "").replace(/[^0-9]/g, "")) || 0;
    count.textContent = `(${Math.max(0, n + delta)})`;
  };

  const rowOf = (id: number | string) =>
    queue.querySelector<HTMLLIElement>(`li.queue-item[data-comment-id="${id}"]`);

  const showStatus = (message: string, undo: boolean) => {
    status.replaceChildren(el("p", { class: "notice" }, message));
    if (undo) {
      const button = el("button", { type: "button", class: "secondary small nr-undo" }, t.undo);
      button.addEventListener("click", () => void undoLast());
      status.firstElementChild?.append(" ", button);
    }
    say(message);
  };

  const send = async (requests: DecisionRequest[]): Promise<DecisionAnswer | null> => {
    try {
      return await api.decideMany(requests, token);
    } catch {
      return null;
    }
  };

  const decide = async (rows: HTMLLIElement[], decision: "approve" | "reject") => {
    rows = rows.filter((r) => r.getAttribute("aria-busy") !== "true");
    if (rows.length === 0) return;
    const reason = decision === "reject" ? reasonSelect?.value || "" : "";
    const requests: DecisionRequest[] = rows.map((r) => ({
      id: Number(r.dataset.commentId),
      decision,
      expected_status: r.dataset.status || "",
      ...(reason ? { reason } : {}),
    }));
    for (const r of rows) r.setAttribute("aria-busy", "true");
    const answer = await send(requests);
    for (const r of rows) r.removeAttribute("aria-busy");
    if (!answer) {
      showStatus(t.decideFailed(t.sendFailed), false);
      return;
    }
    const to = decision === "approve" ? "approved" : "rejected";
    const undo: Undo = { rows: [], requests: [], from: to, to: "" };
    const list = items();
    let next: HTMLLIElement | null = null;
    for (const d of answer.decided) {
      const row = rowOf(d.id);
      if (!row) continue;
      const at = list.indexOf(row);
      const after = list.slice(at + 1).find((r) => !answer.decided.some((x) => String(x.id) === r.dataset.commentId));
      if (row === current || !next) next = (after as HTMLLIElement) ?? null;
      bumpCount(d.previous_status || row.dataset.status || "", -1);
      bumpCount(to, +1);
      undo.rows.push({ item: row, next: row.nextElementSibling, parent: row.parentElement! });
      undo.to = d.previous_status || row.dataset.status || "";
      undo.requests.push({ id: d.id, to: d.previous_status || row.dataset.status || "", expected_status: to });
      const box = row.querySelector<HTMLInputElement>("input.select");
      if (box) box.checked = false;
      row.remove();
    }
    for (const r of answer.refused) {
      const row = rowOf(r.id);
      if (!row) continue;
      row.querySelector(".nr-decide-error")?.remove();
      const now = r.status ? t.statusName[r.status] || r.status : "";
      row.querySelector(".line")?.append(
        el("p", { class: "notice notice-error nr-decide-error" }, r.conflict ? t.nowStatus(now) : t.decideFailed(r.error)),
      );
      if (r.status) row.dataset.status = r.status;
    }
    let message = answer.decided.length
      ? t.decidedMany(answer.decided.length, decision === "approve" ? t.approvedWord : t.rejectedWord)
      : "";
    if (answer.refused.length) {
      message += `${message ? " " : ""}${t.refusedMany(answer.refused.map((r) => `#${r.id}`).join(", "))}`;
    }
    lastUndo = undo.rows.length ? undo : null;
    showStatus(message, !!lastUndo);
    syncSelected();
    if (items().length === 0) {
      form.querySelector("ol.queue-items")?.append(el("li", { class: "empty nr-empty" }, t.emptyQueue));
    }
    if (rows.includes(current as HTMLLIElement) || !current || !current.isConnected) {
      focusRow(next ?? items()[0] ?? null);
    }
  };

  const undoLast = async () => {
    const undo = lastUndo;
    if (!undo) return;
    lastUndo = null;
    const answer = await send(undo.requests);
    if (!answer || answer.refused.length) {
      showStatus(t.undoFailed, false);
    }
    const back = new Set((answer?.decided || []).map((d) => String(d.id)));
    form.querySelector(".nr-empty")?.remove();
    for (const { item, next, parent } of undo.rows.reverse()) {
      if (!back.has(item.dataset.commentId || "")) continue;
      if (next && next.parentElement === parent) parent.insertBefore(item, next);
      else parent.append(item);
      bumpCount(undo.from, -1);
      bumpCount(item.dataset.status || "", +1);
    }
    if (answer && !answer.refused.length) showStatus(t.undone(back.size), false);
    const firstBack = undo.rows.find((r) => back.has(r.item.dataset.commentId || ""));
    if (firstBack) focusRow(firstBack.item);
  };

  const toggleThread = async (row: HTMLLIElement) => {
    const open = row.querySelector(".nr-thread");
    if (open) {
      open.remove();
      return;
    }
    const id = row.dataset.commentId || "";
    const box = el("div", { class: "nr-thread", role: "region", "aria-label": `${t.thread} #${id}` }, t.threadLoading);
    row.append(box);
    try {
      const comments = await api.thread(id);
      box.replaceChildren(threadList(comments, Number(id), t));
    } catch {
      box.textContent = t.threadFailed;
    }
  };

  // Buttons of the form: which rows they decide.
  form.addEventListener("submit", (event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter) return;
    event.preventDefault();
    const name = submitter.name;
    if (name === "approve" || name === "reject") {
      const row = rowOf(submitter.value);
      if (row) {
        focusRow(row, false);
        void decide([row], name);
      }
      return;
    }
    const decision = submitter.value === "reject" ? "reject" : "approve";
    const chosen = items().filter((r) => r.querySelector<HTMLInputElement>("input.select")?.checked);
    if (chosen.length === 0) {
      showStatus(t.noneSelected, false);
      return;
    }
    void decide(chosen, decision);
  });

  queue.addEventListener("click", (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>("a[data-thread]");
    if (!link) return;
    const row = link.closest<HTMLLIElement>("li.queue-item");
    if (!row) return;
    event.preventDefault();
    void toggleThread(row);
  });

  queue.addEventListener("focusin", (event) => {
    const item = (event.target as Element).closest<HTMLLIElement>("li.queue-item");
    if (item && item !== current) focusRow(item, false);
  });

  // The keys work only inside the queue (the listener is on it), never
  // while typing in a field of it.
  queue.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.closest("textarea, select, [contenteditable], input:not([type=checkbox])")) return;
    const list = items();
    const at = current ? list.indexOf(current) : -1;
    switch (event.key) {
      case "j":
      case "ArrowDown":
        if (list.length) focusRow(list[Math.min(list.length - 1, at + 1)]);
        break;
      case "k":
      case "ArrowUp":
        if (list.length) focusRow(list[Math.max(0, at - 1)]);
        break;
      case "x": {
        if (!current) return;
        const box = current.querySelector<HTMLInputElement>("input.select");
        if (box) {
          box.checked = !box.checked;
          syncSelected();
          say(box.checked ? t.selected(current.dataset.commentId || "") : "");
        }
        break;
      }
      case "a":
      case "r": {
        const decision = event.key === "a" ? "approve" : "reject";
        const hasButton = (r: HTMLLIElement) => !!r.querySelector(`button[name="${decision}"]`);
        const chosen = list.filter((r) => r.querySelector<HTMLInputElement>("input.select")?.checked && hasButton(r));
        const rows = chosen.length ? chosen : current && hasButton(current) ? [current] : [];
        if (!rows.length) return;
        void decide(rows, decision);
        break;
      }
      case "t":
        if (current) void toggleThread(current);
        break;
      case "u":
        if (!lastUndo) return;
        void undoLast();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}

function threadList(comments: { id: number; author: string; text: string; parent_id: number | null; status?: string; created_at: string }[], focus: number, t: Strings): HTMLElement {
  const depth = new Map<number, number>();
  const list = el("ol", { class: "thread" });
  for (const c of comments) {
    const d = c.parent_id != null && depth.has(c.parent_id) ? Math.min((depth.get(c.parent_id) || 0) + 1, 6) : 0;
    depth.set(c.id, d);
    list.append(
      el(
        "li",
        { class: c.id === focus ? "thread-comment focus" : "thread-comment", "data-depth": String(d), "data-comment-id": String(c.id) },
        el(
          "p",
          { class: "comment-meta" },
          el("span", { class: "comment-author" }, c.author),
          ` · #${c.id} · `,
          el("span", { class: "badge status", "data-status": c.status || "" }, t.statusName[c.status || ""] || c.status || ""),
        ),
        el("p", { class: "comment-text" }, c.text),
      ),
    );
  }
  return list;
}
