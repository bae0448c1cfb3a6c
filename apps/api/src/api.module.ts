import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreModule } from '@tthc/event-store';
import { EventDeliveryModule } from '@tthc/messaging';
import { PlatformModule, type AppContext } from '@tthc/platform';
import { ALL_MIGRATIONS, CONTEXT_MODULES, QUERY_CONTROLLERS } from '../../engine/src/composition';

/** The write side and queries over HTTP; in Kafka mode it also hosts the outbox relay by default. */
@Module({})
export class ApiModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: ALL_MIGRATIONS }),
        EventStoreModule,
        EventDeliveryModule.forRoot([]),
        ...CONTEXT_MODULES,
      ],
      controllers: [...QUERY_CONTROLLERS],
    };
  }
}
