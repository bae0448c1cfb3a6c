import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreModule } from '@tthc/event-store';
import { EventDeliveryModule } from '@tthc/messaging';
import { PlatformModule, type AppContext } from '@tthc/platform';
import { ALL_MIGRATIONS, ALL_PROJECTIONS, CONTEXT_MODULES, QUERY_CONTROLLERS } from './composition';

/** Everything in one process: the embedded default that `npm start` runs. */
@Module({})
export class EngineModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: EngineModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: ALL_MIGRATIONS }),
        EventStoreModule,
        EventDeliveryModule.forRoot(ALL_PROJECTIONS),
        ...CONTEXT_MODULES,
      ],
      controllers: [...QUERY_CONTROLLERS],
    };
  }
}
