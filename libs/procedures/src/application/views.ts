/**
 * What the registry's queries answer, read straight from the projection tables. Projections are eventually
 * consistent: right after a command, a query may lag by a moment (the command's own answer does not).
 */
import type { AgencyLevel, Duration, LocalisedText, ProcedureDefinition } from '../domain/definition';
import type { LocatedIssue } from '../domain/definition-text';
import type { ValidationIssue } from '../domain/validation-issue';
import type {
  AdministrativeUnitKind,
  AdministrativeUnitLevel,
  OfficePeriod,
  UnitEndReason,
} from './directory-decider';

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** Offset of the next page, null on the last one. */
  readonly nextOffset: number | null;
}

export type ProcedureVersionStatus = 'published' | 'superseded' | 'retired';

export interface ProcedureSummary {
  readonly code: string;
  readonly version: number;
  readonly status: ProcedureVersionStatus;
  readonly name: LocalisedText;
  readonly field: { readonly code: string; readonly name: LocalisedText };
  readonly agency: { readonly code: string; readonly name: LocalisedText; readonly level: AgencyLevel };
  readonly onlineServiceLevel: string | number;
  readonly statutoryDuration: Duration;
  readonly committedDuration: Duration;
  readonly contentHash: string;
  readonly publishedAt: string;
  readonly retiredAt: string | null;
}

export interface ProcedureVersionEntry {
  readonly version: number;
  readonly status: ProcedureVersionStatus;
  readonly statutoryDuration: Duration;
  readonly committedDuration: Duration;
  readonly contentHash: string;
  readonly publishedAt: string;
  readonly supersededAt: string | null;
}

export interface ProcedureDetails {
  /** The latest version: in force, or the last one before retirement. */
  readonly current: ProcedureSummary;
  readonly versions: readonly ProcedureVersionEntry[];
  readonly openDraft: {
    readonly revision: number;
    readonly nextVersion: number;
    readonly updatedAt: string;
  } | null;
}

export interface ProcedureVersionDetails extends ProcedureSummary {
  readonly definition: ProcedureDefinition;
  readonly warnings: readonly ValidationIssue[];
  readonly draftRevision: number | null;
  readonly publishedBy: string | null;
  readonly supersededAt: string | null;
  readonly retirementReason: string | null;
}

export interface DraftSummary {
  readonly code: string;
  readonly revision: number;
  readonly nextVersion: number;
  readonly name: { readonly vi: string | null; readonly en: string | null };
  readonly agencyCode: string | null;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

export interface DraftDetails extends DraftSummary {
  readonly document: unknown;
  readonly source: { readonly format: string; readonly text: string } | null;
  readonly validation: {
    readonly valid: boolean;
    readonly errors: readonly LocatedIssue[];
    readonly warnings: readonly LocatedIssue[];
  };
}

export interface AgencyView {
  readonly code: string;
  readonly name: LocalisedText;
  readonly level: AgencyLevel;
  readonly parentCode: string | null;
  readonly administrativeUnitCode: string | null;
  readonly officeHours: readonly OfficePeriod[];
  readonly saturdayReception: boolean;
  readonly defaultTripCostDays: number;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly successorCode: string | null;
  /** The decision that ended it. */
  readonly endLegalBasis: string | null;
}

export interface AgencyDetailsView extends AgencyView {
  readonly parent: AgencyView | null;
  readonly children: readonly AgencyView[];
  /** Following successor links from this agency, nearest first; empty while it is valid. */
  readonly successors: readonly AgencyView[];
  /** The end of the successor chain: the agency that holds this one's tasks today. */
  readonly current: AgencyView;
}

export interface AdministrativeUnitView {
  readonly code: string;
  readonly name: LocalisedText;
  readonly level: AdministrativeUnitLevel;
  readonly kind: AdministrativeUnitKind;
  readonly parentCode: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly successorCode: string | null;
  readonly endReason: UnitEndReason | null;
  readonly legalBasis: string | null;
  /** The decision that ended it (merger, dissolution). */
  readonly endLegalBasis: string | null;
  readonly formedFrom: readonly string[];
}

export interface AdministrativeUnitDetailsView extends AdministrativeUnitView {
  readonly parent: AdministrativeUnitView | null;
  readonly children: readonly AdministrativeUnitView[];
  /** Units merged into or succeeded by this one. */
  readonly predecessors: readonly AdministrativeUnitView[];
  /** Following successor links from this unit, nearest first; empty while it is valid. */
  readonly successors: readonly AdministrativeUnitView[];
  /** The end of the successor chain: where this unit's history rolls up today. */
  readonly current: AdministrativeUnitView;
}

export function page<T>(items: readonly T[], total: number, limit: number, offset: number): Page<T> {
  return {
    items,
    total,
    limit,
    offset,
    nextOffset: offset + items.length < total ? offset + items.length : null,
  };
}

/** A tiny WHERE builder: `add('x = ?', value)` numbers the placeholders. */
export class Where {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  add(sql: string, ...values: unknown[]): this {
    let clause = sql;
    for (const value of values) {
      this.params.push(value);
      clause = clause.replace('?', `$${this.params.length}`);
    }
    this.clauses.push(clause);
    return this;
  }

  toString(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  /** The next placeholder, after pushing the value. */
  next(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}
