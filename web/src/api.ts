// The JSON API of a Newsroom server (docs/api.md), for the site's own
// pages (base "") and for the embed on another site (the server's origin).

export interface Span {
  start: number; // code-point offsets into the text
  end: number;
  text: string;
  reason?: string;
  replacement?: string;
  suggestions?: string[];
}

export interface RuleFinding {
  rule: string;
  violated: boolean;
  score?: number;
  action?: string;
  spans?: Span[];
  message?: { tr?: string; en?: string };
  fix?: string;
}

export interface Verdict {
  decision: "approve" | "review" | "reject" | string;
  language?: string;
  rules: RuleFinding[];
  // One fix for every rule that offers one, when several do.
  fix?: string;
}

// GET /api/v1/articles/{slug}/comments: a window of threads (docs/api.md).
export interface CommentWindow {
  comments: Comment[];
  total: number; // every published comment of the article
  next_cursor: string | null; // null: the last window
}

export interface Comment {
  id: number;
  author: string;
  text: string;
  parent_id: number | null;
  created_at: string;
  status?: string;
  more_replies?: number; // a thread's replies its window left out
}

export interface PostResult {
  httpStatus: number;
  receipt?: string;
  status?: "approved" | "pending" | "rejected";
  comment?: Comment;
  verdict?: Verdict;
  error?: string;
  retryAfter?: number;
}

// One decision of a moderator (POST /api/v1/moderation/decisions): a
// decision, or `to` a status (an undo moves a comment back where it was).
export interface DecisionRequest {
  id: number;
  decision?: "approve" | "reject";
  to?: string;
  expected_status: string;
  reason?: string;
}

export interface DecisionAnswer {
  decided: { id: number; status: string; previous_status: string | null }[];
  refused: { id: number; status?: string; error: string; conflict: boolean }[];
}

export class Api {
  constructor(private readonly base: string = "") {}

  private url(path: string): string {
    return this.base + path;
  }

  async moderate(text: string, signal?: AbortSignal): Promise<Verdict> {
    const r = await fetch(this.url("/api/v1/moderate"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ text }),
      signal,
    });
    if (!r.ok) throw new Error(`moderate: HTTP ${r.status}`);
    return (await r.json()) as Verdict;
  }

  async postComment(
    slug: string,
    body: { author: string; text: string; parent_id?: number },
  ): Promise<PostResult> {
    const r = await fetch(this.url(`/api/v1/articles/${encodeURIComponent(slug)}/comments`), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    let data: any = null;
    try {
      data = await r.json();
    } catch {
      data = null;
    }
    const result: PostResult = { httpStatus: r.status };
    if (data && typeof data === "object") {
      result.status = data.status;
      if (typeof data.receipt === "string") result.receipt = data.receipt;
      result.comment = data.comment;
      result.verdict = data.verdict;
      if (data.error) result.error = String(data.error.message ?? "");
    }
    const retry = Number(r.headers.get("Retry-After"));
    if (Number.isFinite(retry) && retry > 0) result.retryAfter = retry;
    return result;
  }

  // One window of an article's published comments, newest threads first:
  // the first without a cursor, the next with the cursor the last gave.
  async comments(slug: string, cursor: string | null = null): Promise<CommentWindow> {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
    const r = await fetch(this.url(`/api/v1/articles/${encodeURIComponent(slug)}/comments${query}`), {
      headers: { Accept: "application/json" },
    });
    if (!r.ok) throw new Error(`comments: HTTP ${r.status}`);
    const data = await r.json();
    const comments = Array.isArray(data.comments) ? (data.comments as Comment[]) : [];
    return {
      comments,
      total: typeof data.total === "number" ? data.total : comments.length,
      next_cursor: typeof data.next_cursor === "string" ? data.next_cursor : null,
    };
  }

  async report(id: string): Promise<boolean> {
    const r = await fetch(this.url(`/api/v1/comments/${encodeURIComponent(id)}/report`), {
      method: "POST",
      headers: { Accept: "application/json" },
    });
    return r.ok;
  }

  // Many decisions at once; each is refused alone when its comment moved.
  async decideMany(decisions: DecisionRequest[], csrfToken: string): Promise<DecisionAnswer> {
    const r = await fetch(this.url("/api/v1/moderation/decisions"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken },
      body: JSON.stringify({ decisions }),
    });
    if (!r.ok) throw new Error(`decisions: HTTP ${r.status}`);
    return (await r.json()) as DecisionAnswer;
  }

  // The conversation around a comment, every status, oldest first.
  async thread(id: string): Promise<Comment[]> {
    const r = await fetch(this.url(`/api/v1/moderation/comments/${encodeURIComponent(id)}/thread`), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!r.ok) throw new Error(`thread: HTTP ${r.status}`);
    const data = await r.json();
    return Array.isArray(data.comments) ? (data.comments as Comment[]) : [];
  }

  // What became of a comment this browser posted (its receipt), or null.
  async commentStatus(id: number, receipt: string): Promise<{ status: string; reason: string | null; message: { tr?: string; en?: string } | null } | null> {
    const r = await fetch(
      this.url(`/api/v1/comments/${encodeURIComponent(String(id))}/status?receipt=${encodeURIComponent(receipt)}`),
      { headers: { Accept: "application/json" } },
    );
    if (!r.ok) return null;
    return await r.json();
  }

  // A moderator's decision; the session cookie goes with it (same origin).
  async decide(
    id: string,
    decision: "approve" | "reject",
    csrfToken: string,
    expectedStatus?: string,
  ): Promise<{ ok: boolean; status: number; message: string }> {
    const r = await fetch(this.url(`/api/v1/comments/${encodeURIComponent(id)}/${decision}`), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": csrfToken,
      },
      body: JSON.stringify(expectedStatus ? { expected_status: expectedStatus } : {}),
    });
    let message = "";
    if (!r.ok) {
      try {
        const data = await r.json();
        message = String(data?.error?.message ?? "");
      } catch {
        message = `HTTP ${r.status}`;
      }
    }
    return { ok: r.ok, status: r.status, message };
  }
}
