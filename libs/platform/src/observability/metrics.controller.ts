import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '../auth/access.decorators';
import { NotRateLimited } from '../security/client-throttler.guard';

collectDefaultMetrics({ prefix: 'tthc_' });

/** Prometheus scrape endpoint; gauges such as the relay lag compute their value on scrape. */
@ApiExcludeController()
@Public()
@NotRateLimited()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
