import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReadinessChecks } from './readiness';
import { Public } from '../auth/access.decorators';
import { NotRateLimited } from '../security/client-throttler.guard';

@ApiTags('operations')
@Public()
@NotRateLimited()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessChecks,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL answers, and Kafka when Kafka mode is on' })
  ready() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.db.query('SELECT 1');
          })
          .withTimeout(3000),
      ...this.readiness.all().map(
        (c) => () =>
          this.indicators
            .check(c.name)
            .attempt(() => c.check())
            .withTimeout(5000),
      ),
    ]);
  }
}
