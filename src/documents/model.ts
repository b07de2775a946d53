/**
 * A document as the builders make it: a title, then sections of blocks (paragraphs, headings, tables). The
 * writer (docx/) turns it into a .docx in the 公文 layout of spec J; nothing here knows the file format.
 */

export interface Column {
  readonly label: string;
  /** Relative width (the writer shares the text width in these proportions). */
  readonly width: number;
  readonly align?: "left" | "center" | "right";
}

export type Block =
  /** A first-level heading (三号黑体): 一、… */
  | { readonly kind: "heading"; readonly text: string }
  /** Body text; `indent`: first line indented two characters (the default for body text). */
  | { readonly kind: "paragraph"; readonly text: string; readonly align?: "left" | "center" | "right"; readonly indent?: boolean }
  /** The document's title (二号, centred) or an attachment's title. */
  | { readonly kind: "title"; readonly text: string }
  /** An attachment label in the top left (附件1, 三号黑体). */
  | { readonly kind: "label"; readonly text: string }
  /** A table whose header row repeats on every page; text in 五号 (10.5 pt). */
  | { readonly kind: "table"; readonly columns: readonly Column[]; readonly rows: readonly (readonly string[])[] }
  /** Small text (五号) such as a list under an attachment table, one paragraph per line. */
  | { readonly kind: "small"; readonly lines: readonly string[] }
  /** 落款: issuing unit and date, right-aligned. */
  | { readonly kind: "signature"; readonly issuer: string; readonly date: string };

export interface Section {
  readonly orientation: "portrait" | "landscape";
  readonly blocks: readonly Block[];
}

export interface DocModel {
  /** Document title (also the file's core title property). */
  readonly title: string;
  readonly sections: readonly Section[];
}
