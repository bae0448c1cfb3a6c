import 'reflect-metadata';
import { runApp } from '@tthc/platform';
import { ProjectorModule } from './projector.module';

void runApp({
  name: 'projector',
  defaults: { relayEnabled: false, projectionsEnabled: true, loadSamples: false, httpEnabled: true },
  rootModule: (context) => ProjectorModule.forRoot(context),
});
