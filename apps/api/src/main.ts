import 'reflect-metadata';
import { runApp } from '@tthc/platform';
import { ApiModule } from './api.module';

void runApp({
  name: 'api',
  defaults: { relayEnabled: true, projectionsEnabled: false, loadSamples: false, httpEnabled: true },
  rootModule: (context) => ApiModule.forRoot(context),
});
