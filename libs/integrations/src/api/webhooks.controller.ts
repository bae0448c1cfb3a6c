import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type RequestActor } from '@tthc/platform';
import { DeadLetters } from '../application/dead-letters';
import {
  WebhookRegistrations,
  type DeliveryView,
  type WebhookView,
} from '../application/webhook-registrations';
import {
  DeadLettersQueryDto,
  DeliveriesQueryDto,
  DeliveryIdParams,
  RegisteredWebhookDto,
  RegisterWebhookDto,
  RotatedSecretDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookIdParams,
  WebhookProblemDto,
  WebhookValidationProblemDto,
} from './webhook.dto';

const BadRequest = (extra = '') =>
  ApiResponse({
    status: 400,
    type: WebhookValidationProblemDto,
    description: `validation-failed: malformed or unknown members, all listed with their JSON Pointers${extra}`,
  });
const Forbidden = (roles: string) =>
  ApiResponse({
    status: 403,
    type: WebhookProblemDto,
    description: `identity-required (no caller) or webhook-not-allowed (allowed roles: ${roles})`,
  });
const NotFound = (what: string) => ApiResponse({ status: 404, type: WebhookProblemDto, description: what });

/**
 * Webhook endpoints of integrations: register per procedure and/or agency, choose event types, rotate
 * the secret, watch deliveries. Deliveries are CloudEvents signed the Standard Webhooks way; see
 * docs/webhooks.md for the headers, the retry schedule and the portal status mapping.
 */
@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    @Inject(WebhookRegistrations) private readonly registrations: WebhookRegistrations,
    @Inject(DeadLetters) private readonly deadLetters: DeadLetters,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook endpoint (integrations)',
    description:
      'Dossier events of the procedure and/or agency, recorded from now on, are POSTed to the URL as CloudEvents (application/cloudevents+json) with webhook-id, webhook-timestamp and webhook-signature headers. At-least-once, in order per dossier: deduplicate by the CloudEvent id. The answer holds the signing secret, shown this once.',
  })
  @ApiResponse({ status: 201, type: RegisteredWebhookDto })
  @BadRequest(
    '; no procedureCode nor agencyCode; unknown event types in eventTypes or statusMapping; a url naming a non-public address (an IP literal or localhost) where private targets are not allowed',
  )
  @Forbidden('integration, system-admin')
  @ApiResponse({
    status: 422,
    type: WebhookProblemDto,
    description: 'unknown-procedure: no version of procedureCode has been published (procedureCode names it)',
  })
  register(
    @Body() body: RegisterWebhookDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<RegisteredWebhookDto> {
    return this.registrations.register(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook endpoints (administrators: everyone’s)' })
  @ApiResponse({ status: 200, type: [WebhookDto] })
  @Forbidden('integration, system-admin')
  list(@CurrentActor() actor: RequestActor): Promise<WebhookView[]> {
    return this.registrations.list(actor);
  }

  @Get('dead-letters')
  @ApiOperation({
    summary: 'Deliveries that failed for the whole retry window (system administrators)',
    description: 'Newest first. Replay one once its receiver is fixed.',
  })
  @ApiResponse({ status: 200, type: [WebhookDeliveryDto] })
  @BadRequest()
  @Forbidden('system-admin')
  listDeadLetters(
    @Query() query: DeadLettersQueryDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<DeliveryView[]> {
    return this.deadLetters.list(actor, { webhookId: query.webhookId, limit: query.limit ?? 100 });
  }

  @Post('dead-letters/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a dead-lettered delivery again (system administrators)',
    description:
      'The delivery returns to the queue with a fresh retry window and the same CloudEvent id. It may arrive after later events of its dossier: order by the CloudEvent sequence.',
  })
  @ApiResponse({ status: 202, type: WebhookDeliveryDto })
  @BadRequest()
  @Forbidden('system-admin')
  @NotFound('webhook-delivery-not-found')
  @ApiResponse({
    status: 409,
    type: WebhookProblemDto,
    description: 'webhook-delivery-not-dead-lettered: the delivery is pending or delivered',
  })
  replay(@Param() params: DeliveryIdParams, @CurrentActor() actor: RequestActor): Promise<DeliveryView> {
    return this.deadLetters.replay(actor, params.deliveryId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiResponse({ status: 200, type: WebhookDto })
  @BadRequest()
  @Forbidden('integration, system-admin')
  @NotFound('webhook-not-found: unknown, or another integration’s')
  get(@Param() params: WebhookIdParams, @CurrentActor() actor: RequestActor): Promise<WebhookView> {
    return this.registrations.get(actor, params.id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Deliveries are signed with both the new and the previous secret (two v1 signatures) until previousSecretValidUntil (WEBHOOK_SECRET_GRACE_MS).',
  })
  @ApiResponse({ status: 200, type: RotatedSecretDto })
  @BadRequest()
  @Forbidden('integration, system-admin')
  @NotFound('webhook-not-found: unknown, or another integration’s')
  rotate(@Param() params: WebhookIdParams, @CurrentActor() actor: RequestActor): Promise<RotatedSecretDto> {
    return this.registrations.rotateSecret(actor, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a webhook endpoint: no new deliveries, nothing more is sent' })
  @ApiResponse({ status: 204, description: 'Deactivated' })
  @BadRequest()
  @Forbidden('integration, system-admin')
  @NotFound('webhook-not-found: unknown, or another integration’s')
  async deactivate(@Param() params: WebhookIdParams, @CurrentActor() actor: RequestActor): Promise<void> {
    await this.registrations.deactivate(actor, params.id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The endpoint’s latest deliveries, newest first' })
  @ApiResponse({ status: 200, type: [WebhookDeliveryDto] })
  @BadRequest()
  @Forbidden('integration, system-admin')
  @NotFound('webhook-not-found: unknown, or another integration’s')
  deliveries(
    @Param() params: WebhookIdParams,
    @Query() query: DeliveriesQueryDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<DeliveryView[]> {
    return this.registrations.deliveries(actor, params.id, {
      status: query.status,
      limit: query.limit ?? 100,
    });
  }
}
