// The photo lightbox: a[data-zoom] opens its URL large in a modal <dialog>
// (showModal: the rest of the page is inert, so focus stays inside; Esc
// closes; focus returns to the link). Keyboard: + / − zoom, arrow keys pan
// a zoomed photo or, when it is not zoomed, move to the previous or next
// photo of the page. Pointer: a tap or click on the photo zooms in and
// out, dragging pans, two fingers pinch; a click outside the photo closes.
// Without the script the link opens the image itself.
import { pageLang, strings } from "./i18n";
import { el } from "./text";

const kMaxScale = 4;

export function enhanceZoomLinks(doc: Document = document): void {
  const links = () => Array.from(doc.querySelectorAll<HTMLAnchorElement>("a[data-zoom]"));
  if (links().length === 0) return;
  let box: Lightbox | null = null;
  doc.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-zoom]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    box ??= new Lightbox(doc);
    box.open(links(), links().indexOf(link), link);
  });
  // The photo itself opens the lightbox too.
  for (const link of links()) {
    const figure = link.closest(".photo-tools")?.previousElementSibling;
    const img = figure?.matches("figure.photo") ? figure.querySelector("img") : null;
    if (img) {
      img.classList.add("nr-zoomable");
      img.addEventListener("click", () => link.click());
    }
  }
}

class Lightbox {
  private readonly t = strings(pageLang());
  private readonly dialog: HTMLDialogElement;
  private readonly img: HTMLImageElement;
  private readonly caption: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private items: HTMLAnchorElement[] = [];
  private index = 0;
  private opener: HTMLElement | null = null;
  private scale = 1;
  private x = 0;
  private y = 0;
  private pointers = new Map<number, { x: number; y: number }>();
  private gesture: { dist: number; scale: number; moved: boolean; x: number; y: number } | null = null;

  constructor(doc: Document) {
    const t = this.t;
    const button = (cls: string, label: string, text: string, onClick: () => void) => {
      const b = el("button", { type: "button", class: `nr-lb-button ${cls}`, "aria-label": label, title: label }, text);
      b.addEventListener("click", onClick);
      return b;
    };
    this.img = el("img", { class: "nr-lb-img", alt: "", draggable: "false" });
    this.stage = el("div", { class: "nr-lb-stage" }, this.img);
    this.caption = el("p", { class: "nr-lb-caption", id: "nr-lb-caption" });
    this.prev = button("nr-lb-prev", t.previous, "‹", () => this.show(this.index - 1));
    this.next = button("nr-lb-next", t.next, "›", () => this.show(this.index + 1));
    const close = button("nr-lb-close", t.close, "×", () => this.dialog.close());
    const tools = el(
      "div",
      { class: "nr-lb-tools" },
      button("nr-lb-zoom-out", t.zoomOut, "−", () => this.zoomBy(1 / 1.5)),
      button("nr-lb-zoom-in", t.zoomIn, "+", () => this.zoomBy(1.5)),
      close,
    );
    this.dialog = el(
      "dialog",
      { class: "nr-lightbox", "aria-label": t.photoDialog, "aria-describedby": "nr-lb-caption nr-lb-help" },
      this.stage,
      this.prev,
      this.next,
      tools,
      el("div", { class: "nr-lb-footer" }, this.caption, el("p", { class: "nr-lb-help", id: "nr-lb-help" }, t.lightboxHelp)),
    );
    doc.body.append(this.dialog);

    this.dialog.addEventListener("close", () => {
      doc.documentElement.classList.remove("nr-lb-open");
      this.img.removeAttribute("src");
      this.opener?.focus();
    });
    this.dialog.addEventListener("keydown", (e) => this.onKey(e));
    // A click on the backdrop (the dialog itself, outside its content).
    this.dialog.addEventListener("click", (e) => {
      if (e.target === this.dialog || e.target === this.stage) this.dialog.close();
    });
    this.img.addEventListener("pointerdown", (e) => this.onDown(e));
    this.img.addEventListener("pointermove", (e) => this.onMove(e));
    this.img.addEventListener("pointerup", (e) => this.onUp(e));
    this.img.addEventListener("pointercancel", (e) => this.onUp(e));
    this.stage.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        this.zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2);
      },
      { passive: false },
    );
    this.close = close;
  }

  private close: HTMLButtonElement;

  open(items: HTMLAnchorElement[], index: number, opener: HTMLElement): void {
    this.items = items;
    this.opener = opener;
    this.show(index);
    this.dialog.ownerDocument.documentElement.classList.add("nr-lb-open");
    if (!this.dialog.open) this.dialog.showModal();
    this.close.focus();
  }

  private show(index: number): void {
    if (index < 0 || index >= this.items.length) return;
    this.index = index;
    const link = this.items[index];
    const caption = link.dataset.zoomCaption || "";
    this.img.src = link.dataset.zoom || link.href;
    this.img.alt = caption;
    this.caption.textContent = caption;
    this.caption.hidden = caption === "";
    const many = this.items.length > 1;
    this.prev.hidden = !many || index === 0;
    this.next.hidden = !many || index === this.items.length - 1;
    this.reset();
  }

  private reset(): void {
    this.scale = 1;
    this.x = 0;
    this.y = 0;
    this.apply();
  }

  private zoomBy(factor: number): void {
    this.scale = Math.min(kMaxScale, Math.max(1, this.scale * factor));
    if (this.scale === 1) {
      this.x = 0;
      this.y = 0;
    }
    this.apply();
  }

  private apply(): void {
    this.img.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
    this.dialog.classList.toggle("nr-zoomed", this.scale > 1);
    this.dialog.dataset.scale = this.scale.toFixed(2);
  }

  private onKey(e: KeyboardEvent): void {
    const step = 60;
    switch (e.key) {
      case "+":
      case "=":
        this.zoomBy(1.5);
        break;
      case "-":
      case "_":
        this.zoomBy(1 / 1.5);
        break;
      case "0":
        this.reset();
        break;
      case "ArrowLeft":
        if (this.scale > 1) this.pan(step, 0);
        else this.show(this.index - 1);
        break;
      case "ArrowRight":
        if (this.scale > 1) this.pan(-step, 0);
        else this.show(this.index + 1);
        break;
      case "ArrowUp":
        if (this.scale <= 1) return;
        this.pan(0, step);
        break;
      case "ArrowDown":
        if (this.scale <= 1) return;
        this.pan(0, -step);
        break;
      default:
        return; // Esc is the dialog's own; Tab stays inside the modal dialog
    }
    e.preventDefault();
  }

  private pan(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  private onDown(e: PointerEvent): void {
    this.img.setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.gesture = { dist: Math.hypot(a.x - b.x, a.y - b.y), scale: this.scale, moved: true, x: e.clientX, y: e.clientY };
    } else {
      this.gesture = { dist: 0, scale: this.scale, moved: false, x: e.clientX, y: e.clientY };
    }
    e.preventDefault();
  }

  private onMove(e: PointerEvent): void {
    const last = this.pointers.get(e.pointerId);
    if (!last || !this.gesture) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.values()];
      const dist = Math.hypot(a.x - b.x, a.y - b.y);
      if (this.gesture.dist > 0) {
        this.scale = Math.min(kMaxScale, Math.max(1, (this.gesture.scale * dist) / this.gesture.dist));
        this.apply();
      }
      return;
    }
    if (Math.hypot(e.clientX - this.gesture.x, e.clientY - this.gesture.y) > 6) this.gesture.moved = true;
    if (this.scale > 1) this.pan(e.clientX - last.x, e.clientY - last.y);
  }

  private onUp(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size === 0) {
      // A tap: zoom in, or back out.
      if (this.gesture && !this.gesture.moved) {
        if (this.scale > 1) this.reset();
        else this.zoomBy(2);
      }
      this.gesture = null;
    }
  }
}
