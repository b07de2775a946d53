import type { UnitType } from "../types";
import { normalizeName } from "./names";
import { APPROVAL_DEPARTMENTS_2021, ORGANIZATIONS_2021, type OrganizationRow } from "./organizations-2021";

export { normalizeName } from "./names";
export type { OrganizationRow };

/** An organisation known to the rule set: a 12345 undertaking unit, an approval department, or both. */
export interface Organization {
  /** Official name (附件1 spelling for hotline units). */
  readonly name: string;
  readonly type: UnitType;
  readonly hotline: boolean;
  /** Spelling used by the 便民化 method, when the organisation is assessed there. */
  readonly approvalName?: string;
  /** Every accepted spelling, the official one first. */
  readonly names: readonly string[];
  /** The office's own spellings (承办单位's 别名, spec G) as written; the built-in ones (spec C) are not here. */
  readonly officeAliases: readonly string[];
}

export class Registry {
  readonly organizations: readonly Organization[];
  private readonly byName = new Map<string, Organization>();

  constructor(rows: readonly OrganizationRow[], readonly approvalOrder: readonly string[]) {
    this.organizations = rows.map((row) => ({
      name: row.name,
      type: row.type,
      hotline: row.hotline,
      approvalName: row.approvalName,
      names: unique([row.name, ...(row.approvalName ? [row.approvalName] : []), ...(row.aliases ?? [])]),
      officeAliases: unique([...(row.officeAliases ?? [])]),
    }));
    for (const org of this.organizations) {
      for (const spelling of org.names) {
        const key = normalizeName(spelling);
        const taken = this.byName.get(key);
        if (taken && taken !== org) throw new Error(`Registry: "${spelling}" names both ${taken.name} and ${org.name}`);
        this.byName.set(key, org);
      }
    }
    for (const dept of approvalOrder) {
      const org = this.resolve(dept);
      if (!org || org.approvalName === undefined) throw new Error(`Registry: approval department "${dept}" is not registered`);
    }
  }

  /** The organisation a name denotes, or undefined when the name is unknown. */
  resolve(name: string): Organization | undefined {
    return this.byName.get(normalizeName(name));
  }

  /** The 12345 undertaking units in 附件1 order. */
  hotlineUnits(): Organization[] {
    return this.organizations.filter((o) => o.hotline);
  }

  /** The 便民化 departments in the document's order. */
  approvalDepartments(): Organization[] {
    return this.approvalOrder.map((name) => this.resolve(name) as Organization);
  }
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

export const REGISTRY_2021 = new Registry(ORGANIZATIONS_2021, APPROVAL_DEPARTMENTS_2021);
