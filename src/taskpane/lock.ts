/**
 * One workbook action at a time across the pane's controllers (全部计算 and 导入 must not interleave their
 * reads and writes). Listeners hear every change, so each part of the pane can disable its buttons while
 * another part works.
 */
export class ActionLock {
  private held = false;
  private readonly listeners: ((busy: boolean) => void)[] = [];

  get busy(): boolean {
    return this.held;
  }

  /** Takes the lock; false when it is already held. */
  acquire(): boolean {
    if (this.held) return false;
    this.held = true;
    this.emit();
    return true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.emit();
  }

  subscribe(listener: (busy: boolean) => void): void {
    this.listeners.push(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.held);
  }
}
