// Flags dossiers close to their deadline: every N seconds, open running dossiers of the `dossier_views` read
// model due within the look-ahead and not yet flagged get the decider's FlagAtRisk through the normal command
// path. The decider flags a dossier once its working time left falls to its own threshold (a share of its
// committed period, at most AT_RISK_WORKING_HOURS, default 12); the look-ahead is the longest calendar span
// sure to hold no more working time than that ceiling (any 24 hours hold at most one working day, 8 hours).
// A selected dossier whose own threshold is not reached yet gets no event and is asked again next run, so
// the command carries no command id (a stored "not yet" would never be asked again): FlagAtRisk is once
// only by itself (the decider flags a dossier once), and concurrent runs meet on the stream's version.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@tthc/platform';
import type { DossierActor } from '../../domain/dossier';
import { PerformDossierActionCommand } from '../perform-dossier-action/perform-dossier-action.command';
import type { DossierActionOutcome } from '../views';

export const AT_RISK_SCHEDULER_ACTOR: DossierActor = { id: 'at-risk-scheduler', role: 'system' };
const HOUR_MS = 3_600_000;
const MAX_WORKING_HOURS_PER_DAY = 8;

/** Calendar time sure to hold at most `workingHours` of office time. */
export function atRiskLookaheadMs(workingHours: number): number {
  if (workingHours < MAX_WORKING_HOURS_PER_DAY) return workingHours * HOUR_MS;
  return Math.floor(workingHours / MAX_WORKING_HOURS_PER_DAY) * 24 * HOUR_MS;
}

export interface AtRiskCommandSender {
  execute(command: PerformDossierActionCommand): Promise<DossierActionOutcome>;
}

export interface AtRiskSchedulerOptions {
  /** Default 60 s. */
  readonly intervalMs?: number;
  readonly now?: () => Date;
  /** The decider's threshold (AT_RISK_WORKING_HOURS). Default 12. */
  readonly workingHours?: number;
  /** Most dossiers flagged per run (the next run takes the rest). Default 500. */
  readonly batchSize?: number;
  readonly logger?: Pick<Logger, 'log' | 'warn'>;
}

export interface AtRiskRun {
  readonly selected: number;
  readonly flagged: number;
  readonly failed: number;
}

export class AtRiskScheduler {
  private readonly intervalMs: number;
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly lookaheadMs: number;
  private readonly logger: Pick<Logger, 'log' | 'warn'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly db: DataSource,
    private readonly commands: AtRiskCommandSender,
    options: AtRiskSchedulerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 500;
    this.lookaheadMs = atRiskLookaheadMs(options.workingHours ?? 12);
    this.logger = options.logger ?? new Logger('AtRiskScheduler');
  }

  /** Open, running, not yet flagged dossiers due within the look-ahead, earliest first. */
  async dueSoon(now: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM dossier_views
        WHERE status = 'in-progress' AND paused_since IS NULL AND NOT at_risk
          AND due_at IS NOT NULL AND due_at <= $1
        ORDER BY due_at, id LIMIT $2`,
      [new Date(now.getTime() + this.lookaheadMs), this.batchSize],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  async runOnce(now: Date = this.now()): Promise<AtRiskRun> {
    const ids = await this.dueSoon(now);
    let flagged = 0;
    let failed = 0;
    for (const dossierId of ids) {
      try {
        const { result, replayed } = await this.commands.execute(
          new PerformDossierActionCommand(
            dossierId,
            { type: 'FlagAtRisk' },
            { actor: AT_RISK_SCHEDULER_ACTOR, correlationId: 'at-risk-scheduler' },
          ),
        );
        if (!replayed && result.events.includes('DossierAtRisk')) flagged += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn(`at-risk: dossier ${dossierId} not flagged: ${String(error)}`);
      }
    }
    this.logger.log(
      `at-risk: ${flagged} dossier(s) flagged of ${ids.length} due by ${new Date(now.getTime() + this.lookaheadMs).toISOString()}` +
        (failed > 0 ? `, ${failed} failed` : ''),
    );
    return { selected: ids.length, flagged, failed };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Clears the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.warn(`at-risk run failed: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.intervalMs);
  }
}

/** The scheduler in the processes that run projections (engine, projector); idle elsewhere. */
@Injectable()
export class AtRiskSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly scheduler: AtRiskScheduler;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(getDataSourceToken()) db: DataSource,
    @Inject(CommandBus) commands: CommandBus,
  ) {
    this.scheduler = new AtRiskScheduler(db, commands, { workingHours: config.atRiskWorkingHours });
  }

  onApplicationBootstrap(): void {
    if (this.config.projectionsEnabled) this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
