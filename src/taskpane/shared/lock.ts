/**
 * One workbook action at a time across the pane's controllers (全部计算 and 导入 must not interleave their
 * reads and writes). Listeners hear every change, so each part of the pane can disable its buttons while
 * another part works.
 */
export class ActionLock {
  private owner: object | null = null;
  private readonly listeners: ((busy: boolean) => void)[] = [];

  get busy(): boolean {
    return this.owner !== null;
  }

  /** Whether `owner` holds the lock (its action is running). */
  heldBy(owner: object): boolean {
    return this.owner === owner;
  }

  /** Takes the lock for `owner`; false when it is already held. */
  acquire(owner: object): boolean {
    if (this.owner !== null) return false;
    this.owner = owner;
    this.emit();
    return true;
  }

  release(): void {
    if (this.owner === null) return;
    this.owner = null;
    this.emit();
  }

  /**
   * Runs one action of `owner` alone: when another holds the lock, the status line says `text.busy`;
   * otherwise the view is busy meanwhile, and a failure ends the progress bar and shows `text.failed`.
   */
  async exclusive(
    owner: object, view: ActionView, text: { readonly busy: string; readonly failed: (reason: string) => string },
    body: () => Promise<void>, onFailure?: () => void,
  ): Promise<void> {
    if (!this.acquire(owner)) {
      view.status(text.busy, "info");
      return;
    }
    view.busy(true);
    try {
      await body();
    } catch (error) {
      onFailure?.();
      view.progress(null);
      view.status(text.failed(errorText(error)), "error");
    } finally {
      this.release();
      view.busy(false);
    }
  }

  subscribe(listener: (busy: boolean) => void): void {
    this.listeners.push(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.busy);
  }
}

/** How a status line is styled. */
export type StatusKind = "info" | "ok" | "error";

/** The part of a controller's view an exclusive action uses. */
export interface ActionView {
  status(text: string, kind: StatusKind): void;
  busy(busy: boolean): void;
  progress(progress: null): void;
}

/** An error as the status line shows it. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
