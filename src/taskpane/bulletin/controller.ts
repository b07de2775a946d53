/**
 * 生成月度通报 in the task pane (spec J): the 通报 of a month of 月度考核 written as the sheet 月度通报 (the same
 * content as the CLI's .docx), and the .docx offered for download where the host allows it: Excel on the web.
 * Desktop task panes block downloads, so there the pane points to the command line and the browser page.
 * No DOM and no Office here: the view and the platform are given (tested with fakes).
 */
import { writeDocx } from "../../documents/docx/write";
import { SHEET } from "../../workbook/contract";
import { BULLETIN_SHEET, DOCUMENT_READS, bulletinFrom, bulletinSheetOps, openChecks, parseMonth } from "../../workbook/documents";
import type { WorkbookPort } from "../../workbook/port";
import { BULLETIN_TEXT } from "../messages";
import { ActionLock, type StatusKind } from "../shared/lock";

export interface BulletinView {
  status(text: string, kind: StatusKind): void;
  busy(busy: boolean): void;
  progress(progress: null): void;
  /** Offers the .docx (null hides the link). */
  download(file: { readonly name: string; readonly bytes: Uint8Array } | null): void;
}

/** Where the pane runs: downloads work in a browser tab (Excel on the web), not in desktop task panes. */
export type Platform = "web" | "desktop";

export interface BulletinDeps {
  readonly port: WorkbookPort;
  readonly view: BulletinView;
  readonly lock: ActionLock;
  readonly platform: Platform;
  readonly today?: () => Date;
}

export class BulletinController {
  constructor(private readonly deps: BulletinDeps) {}

  async generate(monthText: string): Promise<void> {
    const { view, port, lock } = this.deps;
    const month = parseMonth(monthText);
    if (!month) {
      view.status(BULLETIN_TEXT.badMonth(monthText), "error");
      return;
    }
    await lock.exclusive(this, view, BULLETIN_TEXT, async () => {
      view.download(null);
      view.status(BULLETIN_TEXT.working, "info");
      const snapshots = await port.read([...DOCUMENT_READS, SHEET.checks, BULLETIN_SHEET]);
      const made = bulletinFrom(snapshots, month, { openProblems: openChecks(snapshots.get(SHEET.checks)), today: (this.deps.today ?? (() => new Date()))() });
      if (!made.ok) {
        view.status(made.message, "error");
        return;
      }
      await port.apply(bulletinSheetOps(snapshots.get(BULLETIN_SHEET), made.bulletin));
      const draft = made.bulletin.draft ? BULLETIN_TEXT.draft(made.bulletin.problems.length) : "";
      if (this.deps.platform === "web") {
        view.download({ name: BULLETIN_TEXT.fileName(month.year, month.month), bytes: await writeDocx(made.document) });
        view.status(BULLETIN_TEXT.writtenWeb + draft, made.bulletin.draft ? "error" : "ok");
      } else {
        view.status(BULLETIN_TEXT.writtenDesktop + draft, made.bulletin.draft ? "error" : "ok");
      }
    });
  }
}
