/** The table `npm run bench` prints: each figure, its target and whether it is met. */

interface Targets {
  readonly ratio: number;
  readonly directRatio: number;
  readonly fixedCostTimes: number;
  readonly engineSeconds: number;
  readonly cliSeconds: number;
  readonly cliPeakMB: number;
  readonly documentsSeconds: number;
  readonly judgedRatio: number;
}

interface Printable {
  ratio: {
    libreOffice: { seconds: number } | null; ours: { seconds: number }; ratio: number | null; met: boolean | null; countsMatch: boolean | null;
    breakdown: { oursOn300Rows: number; withoutNpm: { seconds: number }; ratioWithoutNpm: number | null; met: boolean | null };
  };
  web: { seconds: number; cliSeconds: number; timesCli: number; target: string; met: boolean | null } | null;
  fixedCost: { seconds: number; baseline: { seconds: number }; timesNodeStart: number; met: boolean };
  inputs: { xlsx: { rows: number }; csv: { rows: number } };
  engine: {
    orders: number; seconds: number; met: boolean | null; baseline: { seconds: number }; timesBaseline: number; typedCore: { seconds: number };
    judged: { decisions: number; seconds: number; ratio: number; met: boolean | null };
  };
  documents: { seconds: number; met: boolean; baseline: { seconds: number } };
  judgmentCli: { decisions: number; plain: { seconds: number }; judged: { seconds: number }; ratio: number; met: boolean | null };
  cli1m: { seconds: number; peakRssMB: number | null; metSeconds: boolean | null; metMemory: boolean | null; baseline: { seconds: number }; timesBaseline: number };
  machine: { cpus: number; node: string };
  date: string;
}

export function printTable(r: Printable, target: Targets): void {
  const mark = (met: boolean | null) => (met === null ? "—" : met ? "达标" : "未达标");
  const s = (x: number | null | undefined, unit = " s") => (x === null || x === undefined ? "null" : `${x}${unit}`);
  const lines: [string, string, string, string][] = [
    ["项目", "结果", "目标", "判定"],
    [`ratio  LibreOffice COUNTIFS（${r.inputs.xlsx.rows} 行 .xlsx）`, s(r.ratio.libreOffice?.seconds), "", ""],
    ["ratio  npm run assess -- --ledger（同一文件）", s(r.ratio.ours.seconds), "", ""],
    ["ratio  倍数", s(r.ratio.ratio, "×"), `≥ ${target.ratio}×`, mark(r.ratio.met)],
    ["  其中：同一命令处理 300 行（固定开销）", s(r.ratio.breakdown.oursOn300Rows), "", ""],
    ["ratio  直接 node build/assess.cjs（同一文件）", s(r.ratio.breakdown.withoutNpm.seconds), "", ""],
    ["ratio  直接运行的倍数", s(r.ratio.breakdown.ratioWithoutNpm, "×"), `≥ ${target.directRatio}×`, mark(r.ratio.breakdown.met)],
    ["fixed  node build/assess.cjs 处理 300 行", s(r.fixedCost.seconds), "", ""],
    ["fixed  node -e 0", s(r.fixedCost.baseline.seconds), "", ""],
    ["fixed  倍数", s(r.fixedCost.timesNodeStart, "×"), `≤ ${target.fixedCostTimes}×`, mark(r.fixedCost.met)],
    ["ratio  计数一致（77 个单位）", String(r.ratio.countsMatch), "true", r.ratio.countsMatch === null ? "—" : r.ratio.countsMatch ? "一致" : "不一致"],
    ["web    网页版（Chromium，同一 .xlsx）", s(r.web?.seconds), r.web ? `${r.web.target}（${r.web.cliSeconds} s）` : "未构建 dist/web", r.web ? `${r.web.timesCli}× ${mark(r.web.met)}` : "—"],
    [`engine 聚合+计分 ${r.engine.orders} 条`, s(r.engine.seconds), `≤ ${target.engineSeconds} s`, mark(r.engine.met)],
    ["engine 基线（只按单位计数）", s(r.engine.baseline.seconds), `×${r.engine.timesBaseline}`, ""],
    ["engine 计数核心（已解析）", s(r.engine.typedCore.seconds), "", ""],
    [`engine 加 ${r.engine.judged.decisions} 条工单研判`, s(r.engine.judged.seconds), "", ""],
    ["engine 工单研判倍数", s(r.engine.judged.ratio, "×"), `≤ ${target.judgedRatio}×`, mark(r.engine.judged.met)],
    [`cli1m  ${r.inputs.csv.rows} 行 CSV 端到端`, s(r.cli1m.seconds), `≤ ${target.cliSeconds} s`, mark(r.cli1m.metSeconds)],
    ["cli1m  峰值内存", s(r.cli1m.peakRssMB, " MB"), `≤ ${target.cliPeakMB} MB`, mark(r.cli1m.metMemory)],
    ["cli1m  基线（流式读文件数行）", s(r.cli1m.baseline.seconds), `×${r.cli1m.timesBaseline}`, ""],
    ["cli1m  命令行：无工单研判", s(r.judgmentCli.plain.seconds), "", ""],
    [`cli1m  命令行：加 ${r.judgmentCli.decisions} 条工单研判`, s(r.judgmentCli.judged.seconds), "", ""],
    ["cli1m  工单研判倍数", s(r.judgmentCli.ratio, "×"), `≤ ${target.judgedRatio}×`, mark(r.judgmentCli.met)],
    ["docs   通报+报告 .docx（计算之外）", s(r.documents.seconds), `≤ ${target.documentsSeconds} s`, mark(r.documents.met)],
    ["docs   基线：全部计算", s(r.documents.baseline.seconds), "", ""],
  ];
  const width = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (text: string, n: number) => text + " ".repeat(Math.max(0, n - width(text)));
  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => width(l[i]))));
  process.stdout.write(`\nnpm run bench — ${r.date}，${r.machine.cpus} 核，Node ${r.machine.node}\n`);
  for (const line of lines) process.stdout.write(`  ${line.map((c, i) => pad(c, widths[i])).join("  ")}\n`);
}
