// The 月度通报 button (and Enter in the month field) to the controller.
import type { BulletinController } from "./controller";
import { BULLETIN_IDS } from "./view";

export function wireBulletinControls(doc: Document, controller: BulletinController): void {
  const month = doc.getElementById(BULLETIN_IDS.month) as HTMLInputElement;
  const button = doc.getElementById(BULLETIN_IDS.generate) as HTMLButtonElement;
  button.disabled = false;
  button.addEventListener("click", () => void controller.generate(month.value));
  month.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void controller.generate(month.value);
    }
  });
}
