import { Module, type DynamicModule } from '@nestjs/common';
import {
  AuditController,
  AuditTrail1763780000100,
  AuditTrailProjection,
  EventStore1763780000000,
  EventStoreModule,
} from '@tthc/event-store';
import { EventDeliveryModule } from '@tthc/messaging';
import { PlatformModule, type AppContext } from '@tthc/platform';

export const ENGINE_MIGRATIONS = [EventStore1763780000000, AuditTrail1763780000100];
export const ENGINE_PROJECTIONS = [AuditTrailProjection];

/** Everything in one process: the embedded default that `npm start` runs. */
@Module({})
export class EngineModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: EngineModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: ENGINE_MIGRATIONS }),
        EventStoreModule,
        EventDeliveryModule.forRoot(ENGINE_PROJECTIONS),
      ],
      controllers: [AuditController],
    };
  }
}
