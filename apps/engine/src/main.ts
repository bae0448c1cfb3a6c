import 'reflect-metadata';
import { runApp } from '@tthc/platform';
import { EngineModule } from './engine.module';

void runApp({
  name: 'engine',
  defaults: { relayEnabled: true, projectionsEnabled: true, loadSamples: true, httpEnabled: true },
  rootModule: (context) => EngineModule.forRoot(context),
});
