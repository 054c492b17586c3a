// Sharing a photo: a[data-share] uses the system share sheet
// (navigator.share) where the browser has one. Elsewhere the link keeps
// going to the photo's page with its share links, and a "copy link" button
// is offered beside it. button[data-copy-link] (hidden in the page
// without a script) copies its URL with navigator.clipboard.
import { pageLang, strings } from "./i18n";
import { announcer, el } from "./text";

async function copy(url: string, say: (m: string) => void, t: ReturnType<typeof strings>): Promise<void> {
  try {
    await navigator.clipboard.writeText(url);
    say(t.copied);
  } catch {
    say(t.copyFailed);
  }
}

export function enhanceShare(doc: Document = document): void {
  const t = strings(pageLang(doc));
  const canShare = typeof navigator.share === "function";
  const canCopy = !!navigator.clipboard && window.isSecureContext;
  const say = announcer(doc);

  for (const link of doc.querySelectorAll<HTMLAnchorElement>("a[data-share]")) {
    const url = link.dataset.shareUrl || link.href;
    const title = link.dataset.shareTitle || doc.title;
    if (canShare) {
      link.addEventListener("click", async (event) => {
        event.preventDefault();
        try {
          await navigator.share({ title, url });
        } catch (e) {
          // AbortError: the reader closed the sheet. Anything else: fall
          // back to the photo page and its links.
          if ((e as Error).name !== "AbortError") location.href = link.href;
        }
      });
    } else if (canCopy) {
      const button = el("button", { type: "button", class: "link-button nr-copy-link", "data-copy-link": url }, t.copyLink);
      link.after(" ", button);
    }
  }

  for (const button of doc.querySelectorAll<HTMLButtonElement>("button[data-copy-link]")) {
    if (!canCopy) continue;
    button.hidden = false;
    button.addEventListener("click", () => void copy(button.dataset.copyLink || location.href, say, t));
  }
}
