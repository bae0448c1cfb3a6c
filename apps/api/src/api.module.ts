import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreModule } from '@tthc/event-store';
import { EventDeliveryModule } from '@tthc/messaging';
import { PlatformModule, type AppContext } from '@tthc/platform';
import { ENGINE_MIGRATIONS } from '../../engine/src/engine.module';

/** The write side and queries over HTTP; in Kafka mode it also hosts the outbox relay by default. */
@Module({})
export class ApiModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: ENGINE_MIGRATIONS }),
        EventStoreModule,
        EventDeliveryModule.forRoot([]),
      ],
    };
  }
}
