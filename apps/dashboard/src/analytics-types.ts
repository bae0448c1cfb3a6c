// The shapes of the engine's /v1/analytics answers the dashboard reads (libs/analytics/src/application).
export interface Name {
  readonly vi: string | null;
  readonly en: string | null;
}

export interface Stamp {
  readonly definition: { readonly metric: string; readonly version: string; readonly summary: string };
  readonly computedFrom: {
    readonly eventsApplied: number;
    readonly lastPosition: { readonly position: string } | null;
  };
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly scope: { readonly agency: string | null; readonly agencyName: Name | null };
}

export interface Row<T> {
  readonly key: string;
  readonly label: Name;
  readonly figures: T;
}

export interface Ii06aFigures {
  readonly carriedOver: number;
  readonly received: number;
  readonly receivedOnline: number;
  readonly receivedOnlineFull: number;
  readonly receivedOnlinePartial: number;
  readonly receivedCounter: number;
  readonly receivedPost: number;
  readonly toResolve: number;
  readonly resolved: number;
  readonly resolvedEarly: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  readonly lateWithApology: number;
  readonly lateWithoutApology: number;
  readonly resolvedNotCollected: number;
  readonly refused: number;
  readonly withdrawn: number;
  readonly refusedLate: number;
  readonly withdrawnLate: number;
  readonly inProgress: number;
  readonly inProgressNotYetDue: number;
  readonly inProgressOverdue: number;
  readonly inProgressWaitingForCitizen: number;
}

export interface Ii06aReport extends Stamp {
  readonly total: Ii06aFigures;
  readonly rows: readonly Row<Ii06aFigures>[];
}

export interface Distribution {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export interface ProcessingFigures {
  readonly count: number;
  readonly workingNet: Distribution;
  readonly workingGross: Distribution;
}

export interface ProcessingTimeReport extends Stamp {
  readonly total: ProcessingFigures;
  readonly rows: readonly Row<ProcessingFigures>[];
}

export interface Duration {
  readonly value: number;
  readonly unit: string;
}

export interface Reduction {
  readonly days: number | null;
  readonly percent: number | null;
}

export interface ReformRow {
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly name: Name;
  readonly statutory: Duration;
  readonly committed: Duration;
  readonly reform: Reduction;
  readonly resolved: number;
  readonly actualMeanWorkingDays: number | null;
  readonly actualMedianWorkingDays: number | null;
  readonly actualVsStatutory: Reduction;
  readonly actualVsCommitted: Reduction;
}

export interface ReformReductionReport extends Stamp {
  readonly rows: readonly ReformRow[];
}

export interface TimeSavingsFigures {
  readonly resolved: number;
  readonly processingDaysSavedPositive: number;
  readonly processingDaysSavedNet: number;
  readonly tripsBaseline: number;
  readonly tripsActual: number;
  readonly tripsAvoided: number;
  readonly travelDaysSaved: number;
  readonly money: number | null;
}

export interface TimeSavingsReport extends Stamp {
  readonly method: Readonly<Record<string, string>>;
  readonly total: TimeSavingsFigures;
  readonly rows: readonly Row<TimeSavingsFigures>[];
}

export interface Indicator {
  readonly code: string;
  readonly name: Name;
  readonly value: number | null;
  readonly unit: string;
  readonly method: string;
}

export interface Decision766Report extends Stamp {
  readonly indicators: readonly Indicator[];
}

export interface SeriesReport extends Stamp {
  readonly periods: readonly {
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly figures: Ii06aFigures;
  }[];
}

export interface Agency {
  readonly code: string;
  readonly name: Name;
  readonly level: string;
  readonly parentCode: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface AgencyDetails extends Agency {
  readonly parent: Agency | null;
}

export interface Page<T> {
  readonly items: readonly T[];
}
