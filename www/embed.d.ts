// Types for embed.js: jixiao in an existing portal page.
import type { Report, Validator, ValidatorOptions } from './pkg/jixiao';

/** CSS selectors into the host form; indicator cells are relative to their row. */
export interface FieldMap {
  kind?: 'target' | 'self-evaluation' | 'monitoring';
  moneyUnit?: 'yuan' | 'qianyuan' | 'wanyuan' | 'yiyuan';
  /** Header fields by their Chinese label, e.g. { '项目名称': 'input[name=xmmc]' }. */
  fields?: Record<string, string>;
  /** Funding rows; `source` may be left out: the label decides (总额 → total). */
  funding?: {
    label: string;
    source?: 'total' | 'fiscal' | 'carryOver' | 'nonFiscal' | 'other';
    cells: Partial<Record<'budgetInitial' | 'budgetAdjusted' | 'executed' | 'rate' | 'weight' | 'score' | 'reason', string>>;
  }[];
  indicators?: {
    /** One element per indicator row. */
    rows: string;
    cells: Partial<Record<'level1' | 'level2' | 'level3' | 'target' | 'nature' | 'unit' | 'actual' | 'weight' | 'score' | 'deviationReason', string>>;
  };
}

export interface AttachOptions extends ValidatorOptions {
  /** Milliseconds after the last keystroke before checking (default 200). */
  delay?: number;
  /** Called with every report. */
  onReport?: (report: Report) => void;
  /** Show the note after each marked input while it has focus or the pointer (default
   * true; hidden notes still describe it). */
  notes?: boolean;
  /** Where findings of the whole form (no input of their own, e.g. a 一级 missing) go: an
   * element or a selector. Default: a box (`.jixiao-form-notes`) added at the top of root. */
  formSlot?: Element | string;
  /** Add the mark styles as a <style> element (default false: link embed.css instead). */
  injectStyle?: boolean;
  /** Nonce for that <style> element, where the host's CSP asks for one. */
  styleNonce?: string;
  /** A validator to reuse. */
  validator?: Validator;
}

export interface AttachHandle {
  /** The latest report, or null before the first check and after detach. */
  readonly report: Report | null;
  /** Settles (with the handle) once the checker has loaded and the first check has run. */
  readonly ready: Promise<AttachHandle>;
  /** Checks now; null while loading. It also runs by itself: after input and change events
   * (debounced), and at the next frame after rows are added or removed or a mapped input's
   * value is set by script. */
  check(): Report | null;
  /** Stops watching and takes every mark, note and form-level note off. */
  detach(): void;
}

/** Settles once the checker is loaded. */
export const ready: Promise<void>;
export function createValidator(options?: ValidatorOptions): Promise<Validator>;
export function attach(root: Element, fieldMap: FieldMap, options?: AttachOptions): AttachHandle;
export class JixiaoCheck extends HTMLElement {}
export function defineElement(name?: string): void;
export const CSS: string;
