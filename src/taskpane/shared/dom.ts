/** The small DOM helpers every part of the pane renders with (text only through textContent, never HTML). */

export function byId<T extends HTMLElement = HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`task pane: missing element #${id}`);
  return element as T;
}

export function clear(element: HTMLElement): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function el(doc: Document, tag: string, className?: string, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** One figure of a summary list (<dt>label</dt><dd>value</dd>). */
export function statItem(doc: Document, label: string, value: string, error = false): HTMLElement {
  const item = el(doc, "div", error ? "stats__item stats__item--error" : "stats__item");
  item.appendChild(el(doc, "dt", undefined, label));
  item.appendChild(el(doc, "dd", undefined, value));
  return item;
}

/** A progress indicator (box, determinate bar, text line), or hidden when `progress` is null. */
export function renderProgressIn(
  doc: Document, ids: { readonly box: string; readonly bar: string; readonly text: string },
  progress: { text: string; fraction: number } | null,
): void {
  const box = byId(doc, ids.box);
  if (!progress) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const percent = Math.round(Math.max(0, Math.min(1, progress.fraction)) * 100);
  const bar = byId<HTMLProgressElement>(doc, ids.bar);
  bar.value = percent;
  bar.setAttribute("aria-valuetext", `${progress.text} ${percent}%`);
  const text = `${progress.text}（${percent}%）`;
  const line = byId(doc, ids.text);
  // Re-announce only when something changed: a live region repeating itself is noise.
  if (line.textContent !== text) line.textContent = text;
}
