// A tiny fake DOM, enough for the task pane's view helpers (no jsdom needed).

export class FakeElement {
  id = "";
  className = "";
  children: FakeElement[] = [];
  private text = "";

  constructor(readonly tagName: string) {}

  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join("");
  }

  set textContent(value: string) {
    this.text = value;
    this.children = [];
  }

  get firstChild(): FakeElement | null {
    return this.children[0] ?? null;
  }

  appendChild(child: FakeElement): FakeElement {
    this.children.push(child);
    return child;
  }

  removeChild(child: FakeElement): FakeElement {
    this.children = this.children.filter((c) => c !== child);
    return child;
  }
}

export class FakeDocument {
  readonly elements = new Map<string, FakeElement>();

  constructor(ids: readonly string[]) {
    for (const id of ids) {
      const element = new FakeElement("div");
      element.id = id;
      this.elements.set(id, element);
    }
  }

  getElementById(id: string): FakeElement | null {
    return this.elements.get(id) ?? null;
  }

  createElement(tagName: string): FakeElement {
    return new FakeElement(tagName);
  }

  /** The fake, typed as the DOM Document the view helpers take. */
  asDocument(): Document {
    return this as unknown as Document;
  }

  get(id: string): FakeElement {
    const element = this.elements.get(id);
    if (!element) throw new Error(`no #${id}`);
    return element;
  }
}
