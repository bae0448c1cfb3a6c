// Loads the sample catalogue (six procedures) and the sample province's agencies and administrative units
// at start-up when APP_CONFIG.loadSamples is on (the engine's default). Idempotent: each record is sent with
// a command id derived from its code and content hash, so a restart appends nothing and a changed sample
// publishes a new version (or updates the record). Runs through the same command handlers as the HTTP API.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '@tthc/shared-kernel';
import { APP_CONFIG, type AppConfig } from '@tthc/platform';
import { loadSampleCatalogue, loadSampleDirectory } from '../../samples';
import { SYSTEM_ACTOR } from '../application/authorization';
import { contentHash } from '../application/content-hash';
import type { DeciderOutcome } from '../application/execute-decider';
import { PublishDefinitionHandler } from '../application/publish-definition/publish-definition.handler';
import { PublishDefinitionCommand } from '../application/publish-definition/publish-definition.command';
import {
  SyncAdministrativeUnitCommand,
  SyncAgencyCommand,
} from '../application/sync-directory/sync-directory.command';
import {
  SyncAdministrativeUnitHandler,
  SyncAgencyHandler,
} from '../application/sync-directory/sync-directory.handler';
import type { RequestContext } from '../application/request-context';

export interface SampleLoadReport {
  readonly procedures: Tally;
  readonly administrativeUnits: Tally;
  readonly agencies: Tally;
}

interface Tally {
  loaded: number;
  present: number;
  failed: number;
}

const tally = (): Tally => ({ loaded: 0, present: 0, failed: 0 });

/** A command id that changes exactly when the record does. */
export function sampleCommandId(kind: string, code: string, content: unknown): string {
  return `sample:${kind}:${code}:${contentHash(content).slice(0, 24)}`;
}

@Injectable()
export class SampleLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('Samples');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PublishDefinitionHandler) private readonly publish: PublishDefinitionHandler,
    @Inject(SyncAgencyHandler) private readonly syncAgency: SyncAgencyHandler,
    @Inject(SyncAdministrativeUnitHandler) private readonly syncUnit: SyncAdministrativeUnitHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadSamples) return;
    const r = await this.load();
    this.logger.log(
      `samples: ${r.procedures.loaded} procedure(s) published, ${r.procedures.present} already present; ` +
        `${r.administrativeUnits.loaded + r.agencies.loaded} administrative unit(s) and agencies loaded, ` +
        `${r.administrativeUnits.present + r.agencies.present} already present` +
        (r.procedures.failed + r.administrativeUnits.failed + r.agencies.failed > 0
          ? `; ${r.procedures.failed + r.administrativeUnits.failed + r.agencies.failed} refused (see warnings)`
          : ''),
    );
  }

  /** @throws InvalidCatalogueError / InvalidSampleDirectoryError when the sample files are broken (a bug). */
  async load(): Promise<SampleLoadReport> {
    const directory = loadSampleDirectory();
    const catalogue = loadSampleCatalogue();
    const report = { procedures: tally(), administrativeUnits: tally(), agencies: tally() };
    const context = (commandId: string): RequestContext => ({
      actor: SYSTEM_ACTOR,
      correlationId: 'sample-loading',
      commandId,
    });
    for (const { unit, end } of directory.administrativeUnits) {
      await this.count(report.administrativeUnits, `administrative unit ${unit.code}`, () =>
        this.syncUnit.execute(
          new SyncAdministrativeUnitCommand(
            unit,
            end,
            context(sampleCommandId('unit', unit.code, { unit, end })),
          ),
        ),
      );
    }
    for (const { agency, end } of directory.agencies) {
      await this.count(report.agencies, `agency ${agency.code}`, () =>
        this.syncAgency.execute(
          new SyncAgencyCommand(
            agency,
            end,
            context(sampleCommandId('agency', agency.code, { agency, end })),
          ),
        ),
      );
    }
    for (const definition of catalogue) {
      await this.count(report.procedures, `procedure ${definition.code}`, () =>
        this.publish.execute(
          new PublishDefinitionCommand(
            { kind: 'document', document: definition },
            context(sampleCommandId('procedure', definition.code, definition)),
          ),
        ),
      );
    }
    return report;
  }

  private async count(into: Tally, what: string, run: () => Promise<DeciderOutcome<unknown>>): Promise<void> {
    try {
      const outcome = await run();
      if (outcome.replayed || outcome.appended === 0) into.present++;
      else into.loaded++;
    } catch (error) {
      // A sample that clashes with what people did since (an open draft, a retirement) is left alone.
      if (!(error instanceof DomainError)) throw error;
      into.failed++;
      this.logger.warn(`sample ${what} not loaded: ${error.message}`);
    }
  }
}
