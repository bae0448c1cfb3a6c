/** Readiness checks contributed by modules (the database here, Kafka by messaging). */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export class ReadinessChecks {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): readonly ReadinessCheck[] {
    return this.checks;
  }
}
