import 'reflect-metadata';
import { runApp } from '@tthc/platform';
import { serveDashboard } from './dashboard-site';
import { EngineModule } from './engine.module';

void runApp({
  name: 'engine',
  defaults: { relayEnabled: true, projectionsEnabled: true, loadSamples: true, httpEnabled: true },
  rootModule: (context) => EngineModule.forRoot(context),
  // The web dashboard is served next to the API documents, by the all-in-one engine only.
  configureDocs: (app) => serveDashboard(app, (line) => process.stdout.write(`engine: ${line}\n`)),
});
