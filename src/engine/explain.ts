import type { BonusResult } from "./hotline";
import type { DepartmentResult } from "./approval";
import { MSG } from "./messages";
import { formatPoints } from "./numbers";
import type { CategoryResult, ExplanationLine } from "./types";

/** One line as a sentence: "办结率98.50%（98%—99%）扣10分", "反馈内容与实际不符1件扣10分", "群众锦旗1次加5分". */
export function lineText(line: ExplanationLine): string {
  if (line.points === 0) return line.note ? MSG.lineNote(line.item, line.note) : "";
  return MSG.lineSentence(`${line.item}${line.input}`, line.band, line.points < 0, formatPoints(Math.abs(line.points)));
}

/** A sentence of 扣分说明 and, when it states a deduction or a bonus, the clause of the rule that produced it. */
interface Sentence {
  readonly text: string;
  readonly clause?: string;
}

export interface ExplanationOptions {
  /** Quote each line's clause (spec G: 依据 is quoted in every 扣分说明 its rule produces). Default true. */
  readonly clauses?: boolean;
  /** The texts of one printed table, written one after the other: a clause quoted in an earlier one is referred to. */
  readonly register?: ClauseRegister;
}

/**
 * Clauses quoted in full by earlier texts of one table, each with the place that quotes it (序号3); `place` names
 * the text being written. The official table quotes each clause once and refers to it from every later row, so
 * that 77 units with deductions print on 4 pages (spec H) and every row still leads to its clause.
 */
export interface ClauseRegister {
  readonly quoted: Map<string, string>;
  place: string;
}

/** The document a clause opens with: its 《title》. */
const DOCUMENT = /^《[^》]*》/u;

/**
 * Sentences joined by ；, so that a cell stays readable and the official table fits its pages (spec H): a run of
 * consecutive sentences with one clause is followed once by （依据：…）; a clause already quoted earlier in the same
 * text is referred to by （依据见前）; a clause from the document the last full quote named writes 该文件 for its 《title》.
 */
export function quoteClauses(sentences: readonly Sentence[], register?: ClauseRegister): string {
  const quoted = new Set<string>();
  let document: string | undefined;
  return sentences.map((s, i) => {
    const { clause } = s;
    if (!clause || sentences[i + 1]?.clause === clause) return s.text;
    if (quoted.has(clause)) return `${s.text}${MSG.clauseAgain}`;
    const elsewhere = register?.quoted.get(clause);
    if (elsewhere !== undefined) return `${s.text}${MSG.clauseElsewhere(elsewhere)}`;
    quoted.add(clause);
    register?.quoted.set(clause, register.place);
    const title = DOCUMENT.exec(clause)?.[0];
    if (title !== undefined && title === document) return `${s.text}${MSG.clauseQuote(MSG.sameDocument + clause.slice(title.length))}`;
    document = title ?? document;
    return `${s.text}${MSG.clauseQuote(clause)}`;
  }).join("；");
}

/** A result line as a sentence, with its clause when it changes the score and clauses are wanted. */
function sentence(line: ExplanationLine, clauses: boolean, quote = line.points !== 0): Sentence {
  return { text: lineText(line), clause: clauses && quote ? line.clause : undefined };
}

/** 扣分说明 of a hotline unit, built only from its result lines; each deduction and bonus quotes its clause. */
export function hotlineExplanation(categories: readonly CategoryResult[], bonus: BonusResult, options: ExplanationOptions = {}): string {
  const clauses = options.clauses ?? true;
  const parts: Sentence[] = [];
  for (const c of categories) {
    for (const line of c.lines) {
      const s = sentence(line, clauses);
      if (s.text) parts.push(s);
    }
    if (c.capApplied) parts.push({ text: MSG.categoryCapped(c.name, formatPoints(c.raw), formatPoints(c.cap)) });
  }
  for (const line of bonus.lines) parts.push(sentence(line, clauses));
  if (bonus.capApplied) parts.push({ text: MSG.bonusCapped(formatPoints(bonus.raw), formatPoints(bonus.points)) });
  return parts.length > 0 ? quoteClauses(parts, options.register) : MSG.noDeduction;
}

/** Whether a line belongs to a failed item (事项N or one of its parts, item N.…). */
const ofFailedItem = (line: ExplanationLine, failed: readonly number[]) =>
  failed.some((n) => line.rule === `item${n}` || line.rule.startsWith(`item${n}.`));

/**
 * 扣分说明 of a department's veto, built only from its result lines: the lines of failed items and the veto
 * itself quote their clauses.
 */
export function vetoExplanation(result: DepartmentResult, options: ExplanationOptions = {}): string {
  const clauses = options.clauses ?? true;
  const parts: Sentence[] = result.lines.filter((l) => l.points === 0 && l.note)
    .map((l) => ({ text: l.note as string, clause: clauses && ofFailedItem(l, result.failed) ? l.clause : undefined }));
  for (const l of result.lines.filter((x) => x.points !== 0)) {
    parts.push({ text: MSG.vetoApplied(formatPoints(-l.points)), clause: clauses ? l.clause : undefined });
  }
  return parts.length > 0 ? quoteClauses(parts) : MSG.allItemsDone;
}
