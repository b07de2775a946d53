// The 月度通报 controls over the DOM: month field, button, status line and the .docx download link.
import type { StatusKind } from "../shared/lock";
import type { BulletinView } from "./controller";

export const BULLETIN_IDS = {
  month: "bulletin-month",
  generate: "btn-bulletin",
  status: "bulletin-status",
  download: "bulletin-download",
} as const;

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function createBulletinView(doc: Document): BulletinView {
  const get = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  let url: string | undefined;
  return {
    status(text: string, kind: StatusKind) {
      const status = get<HTMLElement>(BULLETIN_IDS.status);
      status.textContent = text;
      status.className = kind === "info" ? "status" : `status status--${kind}`;
      status.hidden = false;
    },
    busy(busy: boolean) {
      get<HTMLButtonElement>(BULLETIN_IDS.generate).disabled = busy;
    },
    progress() {
      // No progress bar: one read and one write.
    },
    download(file) {
      const link = get<HTMLAnchorElement>(BULLETIN_IDS.download);
      if (url) URL.revokeObjectURL(url);
      url = undefined;
      link.hidden = file === null;
      if (!file) return;
      url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: DOCX_TYPE }));
      link.href = url;
      link.download = file.name;
      link.textContent = file.name;
    },
  };
}

/** Disables the button while another workbook action runs. */
export function renderBulletinBusy(doc: Document, busy: boolean): void {
  const button = doc.getElementById(BULLETIN_IDS.generate) as HTMLButtonElement | null;
  if (button) button.disabled = busy;
}
