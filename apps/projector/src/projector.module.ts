import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreModule } from '@tthc/event-store';
import { EventDeliveryModule } from '@tthc/messaging';
import { PlatformModule, type AppContext } from '@tthc/platform';
import { ALL_MIGRATIONS, ALL_PROJECTIONS } from '../../engine/src/composition';

/** Builds the read models: Kafka consumer groups in Kafka mode (scale out by adding processes). */
@Module({})
export class ProjectorModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: ALL_MIGRATIONS }),
        EventStoreModule,
        EventDeliveryModule.forRoot(ALL_PROJECTIONS),
      ],
    };
  }
}
