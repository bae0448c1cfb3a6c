import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, Public } from '@tthc/platform';
import { buildAsyncApiDocument } from './asyncapi-document';

/** The AsyncAPI 3.0.0 document of the Kafka topics this deployment writes (its prefix and brokers). */
@ApiExcludeController()
@Public()
@Controller('docs')
export class AsyncApiController {
  private readonly text: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const kafka = config.kafka;
    const document = buildAsyncApiDocument({
      topicPrefix: kafka?.topicPrefix ?? 'tthc',
      servers: kafka?.brokers.map((host, i) => ({ name: `broker-${i + 1}`, host })),
      partitions: kafka?.partitions,
    });
    this.text = JSON.stringify(document, null, 2);
  }

  @Get('asyncapi.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  document(): string {
    return this.text;
  }
}
