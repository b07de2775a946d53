/** The seven per-unit counts of section F, named as the 热线数据 header labels. */
import type { UnitType } from "../engine/types";

export const COUNT_FIELDS = ["工单总量", "应办结数", "按期办结数", "退单数", "延期申请数", "有效回访数", "满意数"] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type UnitCounts = Record<CountField, number>;

/** Slot of each count in a unit's block of a month bucket. */
export const SLOT = { total: 0, due: 1, onTime: 2, returned: 3, extended: 4, validCallback: 5, satisfied: 6 } as const;
export const SLOTS = COUNT_FIELDS.length;

/** One row of 热线数据 for a period. */
export interface UnitPeriodCounts extends UnitCounts {
  readonly 单位名称: string;
  readonly 单位类别: UnitType;
  /** 工单总量 ÷ months in the period. */
  readonly 月均办件量: number;
}

export function zeroCounts(): UnitCounts {
  return { 工单总量: 0, 应办结数: 0, 按期办结数: 0, 退单数: 0, 延期申请数: 0, 有效回访数: 0, 满意数: 0 };
}
