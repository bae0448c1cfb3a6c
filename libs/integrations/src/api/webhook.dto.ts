// Requests and answers of the webhook API as the OpenAPI document shows them.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const CODE = /^[A-Za-z0-9._-]{1,50}$/;

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://portal.example.vn/tthc/webhooks',
    description: 'http(s) URL that receives POSTs',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ example: 'Cổng DVC tỉnh — trạng thái hồ sơ', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ example: '1.004873', description: 'Only dossiers of this procedure' })
  @IsOptional()
  @Matches(CODE, { message: 'procedureCode must be a procedure code' })
  procedureCode?: string;

  @ApiPropertyOptional({
    example: '000.31.18.H56',
    description:
      'Only dossiers of this competent agency (electronic code). Give this, procedureCode or both.',
  })
  @IsOptional()
  @Matches(CODE, { message: 'agencyCode must be an agency code' })
  agencyCode?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['DossierReceived', 'ResultIssued', 'ResultReturned'],
    description: 'Dossier event types to receive; omitted or empty = all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    example: { DossierReceived: 'TIEP_NHAN', DossierRated: null },
    description:
      'Portal status codes of this integration by event type, overriding the default mapping (docs/webhooks.md); null: send no status for that event',
  })
  @IsOptional()
  @IsObject()
  statusMapping?: Record<string, string | null>;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dead'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead'])
  status?: 'pending' | 'delivered' | 'dead';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeadLettersQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this webhook’s dead letters' })
  @IsOptional()
  @IsUUID()
  webhookId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class WebhookIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class DeliveryIdParams {
  @ApiProperty({ example: '42', description: 'Delivery id (digits)' })
  @Matches(/^\d{1,18}$/, { message: 'deliveryId must be a delivery id' })
  deliveryId!: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  url!: string;
  @ApiProperty({ nullable: true, type: String })
  description!: string | null;
  @ApiProperty({ nullable: true, type: String })
  procedureCode!: string | null;
  @ApiProperty({ nullable: true, type: String })
  agencyCode!: string | null;
  @ApiProperty({ type: [String], description: 'Empty: all dossier event types' })
  eventTypes!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true } })
  statusMapping!: Record<string, string | null>;
  @ApiProperty()
  active!: boolean;
  @ApiProperty({ description: 'The integration that registered it' })
  ownerId!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  previousSecretValidUntil!: string | null;
}

export class RegisteredWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=',
    description: 'The signing secret, shown only in this answer',
  })
  secret!: string;
}

export class RotatedSecretDto {
  @ApiProperty({ description: 'The new signing secret, shown only in this answer' })
  secret!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'Until then deliveries are signed with the old secret too',
  })
  previousSecretValidUntil!: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: '42' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  webhookId!: string;
  @ApiProperty({ format: 'uuid', description: 'The CloudEvent id and webhook-id header: deduplicate by it' })
  eventId!: string;
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;
  @ApiProperty()
  streamVersion!: number;
  @ApiProperty({ example: 'DossierReceived' })
  eventType!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] })
  status!: string;
  @ApiProperty()
  attempts!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number })
  lastResponseStatus!: number | null;
  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  deadAt!: string | null;
  @ApiProperty({ description: 'How often it was replayed from the dead-letter list' })
  replays!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class WebhookFieldErrorDto {
  @ApiProperty({ example: '/eventTypes/0', description: 'JSON Pointer' })
  path!: string;
  @ApiProperty()
  message!: string;
}

export class WebhookProblemDto {
  @ApiProperty({ example: 'https://tthc-engine.dev/problems/webhook-not-found' })
  type!: string;
  @ApiProperty({ example: 'Not found' })
  title!: string;
  @ApiProperty({ example: 404 })
  status!: number;
  @ApiPropertyOptional()
  detail?: string;
  @ApiPropertyOptional()
  instance?: string;
}

export class WebhookValidationProblemDto extends WebhookProblemDto {
  @ApiProperty({ type: [WebhookFieldErrorDto] })
  errors!: WebhookFieldErrorDto[];
}
