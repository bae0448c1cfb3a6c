import { Inject, Module, Optional, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdministrativeUnitsController } from './api/administrative-units.controller';
import { AgenciesController } from './api/agencies.controller';
import { DefinitionSchemaController } from './api/definition-schema.controller';
import { ProcedureCatalogueController } from './api/procedure-catalogue.controller';
import { ProcedureDraftsController } from './api/procedure-drafts.controller';
import { ProcedureLifecycleController } from './api/procedure-lifecycle.controller';
import { ValidateDefinitionController } from './api/validate-definition.controller';
import { DissolveAgencyHandler } from './application/dissolve-agency/dissolve-agency.handler';
import { DraftProcedureHandler } from './application/draft-procedure/draft-procedure.handler';
import { GetAdministrativeUnitHandler } from './application/get-administrative-unit/get-administrative-unit.handler';
import { GetAgencyHandler } from './application/get-agency/get-agency.handler';
import { GetProcedureDraftHandler } from './application/get-procedure-draft/get-procedure-draft.handler';
import { GetProcedureVersionHandler } from './application/get-procedure-version/get-procedure-version.handler';
import { GetProcedureHandler } from './application/get-procedure/get-procedure.handler';
import { ListAdministrativeUnitsHandler } from './application/list-administrative-units/list-administrative-units.handler';
import { ListAgenciesHandler } from './application/list-agencies/list-agencies.handler';
import { ListProcedureDraftsHandler } from './application/list-procedure-drafts/list-procedure-drafts.handler';
import { ListProceduresHandler } from './application/list-procedures/list-procedures.handler';
import { PublishDefinitionHandler } from './application/publish-definition/publish-definition.handler';
import { PublishProcedureHandler } from './application/publish-procedure/publish-procedure.handler';
import { RegisterAgencyHandler } from './application/register-agency/register-agency.handler';
import { RenderProcedureDiagramHandler } from './application/render-procedure-diagram/render-procedure-diagram.handler';
import { REGISTRY_CLOCK, type Clock } from './application/request-context';
import { RetireProcedureHandler } from './application/retire-procedure/retire-procedure.handler';
import {
  SyncAdministrativeUnitHandler,
  SyncAgencyHandler,
} from './application/sync-directory/sync-directory.handler';
import { UpdateAgencyHandler } from './application/update-agency/update-agency.handler';
import { UpdateProcedureDraftHandler } from './application/update-procedure-draft/update-procedure-draft.handler';
import { ValidateDefinitionHandler } from './application/validate-definition/validate-definition.handler';
import { SampleLoader } from './infrastructure/sample-loader';
import { registerYamlBodyParser } from './infrastructure/yaml-body-parser';

export const PROCEDURE_COMMAND_HANDLERS = [
  DraftProcedureHandler,
  UpdateProcedureDraftHandler,
  PublishProcedureHandler,
  PublishDefinitionHandler,
  RetireProcedureHandler,
  RegisterAgencyHandler,
  UpdateAgencyHandler,
  DissolveAgencyHandler,
  SyncAgencyHandler,
  SyncAdministrativeUnitHandler,
];

export const PROCEDURE_QUERY_HANDLERS = [
  ValidateDefinitionHandler,
  ListProceduresHandler,
  GetProcedureHandler,
  GetProcedureVersionHandler,
  RenderProcedureDiagramHandler,
  ListProcedureDraftsHandler,
  GetProcedureDraftHandler,
  ListAgenciesHandler,
  GetAgencyHandler,
  ListAdministrativeUnitsHandler,
  GetAdministrativeUnitHandler,
];

export const PROCEDURE_CONTROLLERS = [
  ValidateDefinitionController,
  ProcedureDraftsController,
  ProcedureLifecycleController,
  ProcedureCatalogueController,
  AgenciesController,
  AdministrativeUnitsController,
  DefinitionSchemaController,
];

const systemClock: Clock = () => new Date();

/**
 * The procedure registry: definitions (drafts, immutable published versions, retirement), agencies and
 * administrative units over time, their HTTP API, and sample loading at start-up. Needs the platform
 * (database, APP_CONFIG) and the event store modules; its projections and migrations are listed by the app
 * (see apps/engine/src/composition.ts).
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: PROCEDURE_CONTROLLERS,
  providers: [
    ...PROCEDURE_COMMAND_HANDLERS,
    ...PROCEDURE_QUERY_HANDLERS,
    { provide: REGISTRY_CLOCK, useValue: systemClock },
    SampleLoader,
  ],
})
export class ProceduresModule implements OnModuleInit {
  constructor(@Optional() @Inject(HttpAdapterHost) private readonly adapterHost?: HttpAdapterHost) {}

  onModuleInit(): void {
    registerYamlBodyParser(this.adapterHost);
  }
}
