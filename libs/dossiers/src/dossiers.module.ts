import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@tthc/event-store';
import { APP_CONFIG, type AppConfig } from '@tthc/platform';
import { PersonalDataController } from './api/personal-data.controller';
import { EraseApplicantHandler } from './application/erase-applicant/erase-applicant.handler';
import { ApplicantKeyring } from './infrastructure/personal-data/applicant-keyring';
import { resolveMasterKey } from './infrastructure/personal-data/master-key';
import { PersonalDataProtection } from './infrastructure/personal-data/personal-data-protection';
import { DossierActionsController } from './api/dossier-actions.controller';
import { DossiersController } from './api/dossiers.controller';
import { ImportsController } from './api/imports.controller';
import { CalendarsController } from './api/calendars.controller';
import { LookupController } from './api/lookup.controller';
import { WorklistsController } from './api/worklists.controller';
import { AtRiskSchedulerService } from './application/at-risk-scheduler/at-risk-scheduler';
import { DossierCommandPath } from './application/dossier-command-path';
import { DossierReader } from './application/dossier-reader';
import { GetDossierHandler } from './application/get-dossier/get-dossier.handler';
import { ImportDossiersHandler } from './application/import-dossiers/import-dossiers.handler';
import { ListWorklistHandler } from './application/list-worklist/list-worklist.handler';
import { LookupDossierHandler } from './application/lookup-dossier/lookup-dossier.handler';
import { PerformDossierActionHandler } from './application/perform-dossier-action/perform-dossier-action.handler';
import {
  DOSSIER_CLOCK,
  DOSSIER_CODE_ALLOCATOR,
  DOSSIER_CONTEXT_LOADER,
  type Clock,
} from './application/ports';
import { SubmitDossierHandler } from './application/submit-dossier/submit-dossier.handler';
import { GetOfficialCalendarHandler } from './application/official-calendars/get-official-calendar/get-official-calendar.handler';
import { ListOfficialCalendarsHandler } from './application/official-calendars/list-official-calendars/list-official-calendars.handler';
import { OfficialCalendarCommands } from './application/official-calendars/official-calendar-commands';
import { ProposeOfficialCalendarHandler } from './application/official-calendars/propose-official-calendar/propose-official-calendar.handler';
import { SaveOfficialCalendarHandler } from './application/official-calendars/save-official-calendar/save-official-calendar.handler';
import { OfficialCalendarSeeder } from './infrastructure/calendar/official-calendar-seeder';
import { NextYearCalendarWatch } from './infrastructure/calendar/next-year-calendar-watch';
import { OfficialYearsRefresher } from './infrastructure/calendar/official-years-refresher';
import { DEFAULT_DOSSIER_SETTINGS } from './domain/dossier';
import { SqlDossierContextLoader } from './infrastructure/dossier-context-loader';
import { PostgresDossierCodeAllocator } from './infrastructure/dossier-code-sequence';

export const DOSSIER_COMMAND_HANDLERS = [
  SubmitDossierHandler,
  PerformDossierActionHandler,
  ImportDossiersHandler,
  ProposeOfficialCalendarHandler,
  SaveOfficialCalendarHandler,
  EraseApplicantHandler,
];

export const DOSSIER_QUERY_HANDLERS = [
  GetDossierHandler,
  LookupDossierHandler,
  ListWorklistHandler,
  ListOfficialCalendarsHandler,
  GetOfficialCalendarHandler,
];

export const DOSSIER_CONTROLLERS = [
  DossiersController,
  DossierActionsController,
  LookupController,
  WorklistsController,
  ImportsController,
  CalendarsController,
  PersonalDataController,
];

const systemClock: Clock = () => new Date();

/**
 * Dossiers: intake, the workflow actions of the one-stop shop, the citizen lookup and worklists, over the pure
 * dossier decider. Needs the platform (database) and the event store modules, and the procedure registry's
 * read models (`procedure_versions`, `agencies`); its projection and migrations are listed by the app (see
 * apps/engine/src/composition.ts).
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: DOSSIER_CONTROLLERS,
  providers: [
    ...DOSSIER_COMMAND_HANDLERS,
    ...DOSSIER_QUERY_HANDLERS,
    {
      provide: ApplicantKeyring,
      useFactory: (db: DataSource, config: AppConfig) =>
        new ApplicantKeyring(
          db,
          resolveMasterKey({
            configured: config.personalData.masterKey,
            dataDir: config.database.dataDir,
            production: config.env === 'production',
          }),
        ),
      inject: [getDataSourceToken(), APP_CONFIG],
    },
    {
      provide: PersonalDataProtection,
      useFactory: (keyring: ApplicantKeyring) => new PersonalDataProtection(keyring),
      inject: [ApplicantKeyring],
    },
    {
      provide: DossierCommandPath,
      useFactory: (store: PostgresEventStore, protection: PersonalDataProtection) =>
        new DossierCommandPath(store, protection),
      inject: [PostgresEventStore, PersonalDataProtection],
    },
    DossierReader,
    {
      provide: DOSSIER_CONTEXT_LOADER,
      useFactory: (db: DataSource, config: AppConfig) =>
        new SqlDossierContextLoader(db, {
          ...DEFAULT_DOSSIER_SETTINGS,
          atRiskWorkingHours: config.atRiskWorkingHours,
          atRiskShare: config.atRiskPercent / 100,
          atRiskMinWorkingHours: config.atRiskMinWorkingHours,
          supplementRoundsLimit: config.supplementRoundsLimit,
        }),
      inject: [getDataSourceToken(), APP_CONFIG],
    },
    { provide: DOSSIER_CODE_ALLOCATOR, useClass: PostgresDossierCodeAllocator },
    { provide: DOSSIER_CLOCK, useValue: systemClock },
    OfficialCalendarCommands,
    OfficialYearsRefresher,
    NextYearCalendarWatch,
    OfficialCalendarSeeder,
    AtRiskSchedulerService,
  ],
})
export class DossiersModule {}
