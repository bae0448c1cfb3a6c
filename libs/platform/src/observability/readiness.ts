/** Readiness checks contributed by modules (the database here, Kafka by messaging). */
export interface ReadinessCheck {
  readonly name: string;
  /** Throws when not ready; what it returns is shown as the check's details (a warning that is no failure). */
  check(): Promise<void | Record<string, unknown>>;
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
