/** What the page shows after a run, built from the run's results as the CLI prints them (src/cli/report). */
import { CLI_MSG } from "../cli/messages";
import { rankingRow, unitsByRank, vetoRow } from "../cli/report";
import type { ComputeStep, MethodFromFile } from "../job";
import { qualified } from "../workbook/address";
import { WMSG } from "../workbook/messages";
import { WEB_MSG } from "./messages";
import type { DocumentsOffer, DoneMessage } from "./protocol";

export interface Outcome {
  readonly blank: boolean;
  readonly computed: ComputeStep;
  readonly method?: MethodFromFile;
  readonly ledger?: { readonly lines: readonly string[]; readonly problemRows: number; readonly empty: boolean };
  readonly bytes?: ArrayBuffer;
  readonly documents?: DocumentsOffer;
  readonly documentsPending?: boolean;
  readonly fileName: string;
}

/** Closing remarks, as the CLI's last lines: what is left to do. */
function notes(o: Outcome): string[] {
  const { summary, ledgerOpen } = o.computed;
  const out: string[] = [];
  if (summary.unitsScored === 0) out.push(WEB_MSG.nothingScored);
  if (o.ledger && o.ledger.problemRows > 0) out.push(WEB_MSG.ledgerHasProblems(o.ledger.problemRows));
  else if (ledgerOpen > 0) out.push(WEB_MSG.ledgerStillOpen);
  if (summary.errors > ledgerOpen) out.push(WEB_MSG.inputHasProblems(summary.errors - ledgerOpen));
  out.push(o.bytes ? WEB_MSG.ready(o.fileName) : WEB_MSG.nothingToDownload);
  return out;
}

export function doneMessage(o: Outcome): DoneMessage {
  const { results, summary, problems, ownSetAside } = o.computed;
  return {
    type: "done",
    heading: CLI_MSG.title(summary.year),
    method: o.method ? WEB_MSG.methodFrom(summary.method, o.method.file, ownSetAside) : WEB_MSG.methodLine(summary.method),
    ledgerLines: o.ledger?.lines ?? [],
    rankingHeading: WEB_MSG.rankingHeading(summary.units, summary.unitsScored),
    ranking: unitsByRank(results).map((u) => {
      const [rank, name, type, score, explanation] = rankingRow(u);
      return { rank, name, type, score, explanation };
    }),
    vetoHeading: o.blank ? WEB_MSG.approvalNotAssessed : WEB_MSG.vetoHeading(summary.departments, summary.departmentsVetoed),
    veto: o.blank ? [] : results.departments.map((d) => ({ name: d.name, ...vetoRow(d) })),
    problemsHeading: problems.length === 0 || summary.errors + summary.warnings === 0
      ? WEB_MSG.noProblems : WEB_MSG.problemsHeading(summary.errors, summary.warnings, summary.infos),
    problems: problems.map((p) => ({ severity: p.severity, level: WMSG.level[p.severity], where: qualified(p.sheet, p.cell), message: p.message })),
    notes: notes(o),
    fileName: o.fileName,
    ...(o.bytes ? { bytes: o.bytes } : {}),
    ...(o.bytes && o.documents ? { documents: o.documents } : {}),
    ...(o.bytes && o.documentsPending ? { documentsPending: true } : {}),
  };
}
