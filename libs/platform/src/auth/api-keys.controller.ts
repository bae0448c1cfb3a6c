// Integration API keys, administered by a system administrator: create (the key is in this answer and
// nowhere else), list (never the key), revoke (effective on the next request).
import { Body, Controller, Get, HttpCode, HttpException, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CurrentActor } from '../http/current-actor';
import { PROBLEM_TYPE_BASE } from '../http/problem-details.filter';
import { AllowRoles } from './access.decorators';
import { ApiKeyNotFound, ApiKeys, type ApiKeyRecord } from './api-keys';
import { LEGACY_ADMINISTRATOR_ROLE, ROLES, type Principal } from './roles';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'dvc-portal', description: 'The integration the key authenticates (its actor id)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/, {
    message: 'integrationId must be 2–63 of a-z, 0-9, ".", "_", "-"',
  })
  integrationId!: string;

  @ApiProperty({ example: 'National public service portal, production' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

/** RFC 9457 problem document, as every error of this API. */
export class ApiKeyProblemDto {
  @ApiProperty({ example: 'https://tthc-engine.dev/problems/role-not-allowed' }) type!: string;
  @ApiProperty({ example: 'Forbidden' }) title!: string;
  @ApiProperty({ example: 403 }) status!: number;
  @ApiProperty({ required: false }) detail?: string;
  @ApiProperty({ required: false }) instance?: string;
}

export class ApiKeyIdParams {
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'id must be an API key id' })
  id!: string;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() integrationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the key' }) keyPrefix!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'To the minute' }) lastUsedAt!: string | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ description: 'The key: shown this once, only its SHA-256 is kept' }) key!: string;
  @ApiProperty({ type: ApiKeyDto }) apiKey!: ApiKeyDto;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
}

@ApiTags('api keys')
@ApiBearerAuth()
@AllowRoles(ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
@ApiResponse({ status: 401, type: ApiKeyProblemDto, description: 'No or invalid credentials' })
@ApiResponse({
  status: 403,
  type: ApiKeyProblemDto,
  description: 'role-not-allowed: system administrators only',
})
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(@Inject(ApiKeys) private readonly keys: ApiKeys) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for an integration (the key is shown once)' })
  @ApiResponse({ status: 201, type: CreatedApiKeyDto })
  async create(@Body() body: CreateApiKeyDto, @CurrentActor() actor: Principal): Promise<CreatedApiKeyDto> {
    const { key, record } = await this.keys.create(body.integrationId, body.name, actor.id);
    return { key, apiKey: record };
  }

  @Get()
  @ApiOperation({ summary: 'Every API key, revoked ones included (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<{ items: ApiKeyRecord[] }> {
    return { items: await this.keys.list() };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key: the next request with it gets 401' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiResponse({ status: 404, type: ApiKeyProblemDto, description: 'api-key-not-found' })
  async revoke(@Param() { id }: ApiKeyIdParams, @CurrentActor() actor: Principal): Promise<ApiKeyRecord> {
    try {
      return await this.keys.revoke(id, actor.id);
    } catch (error) {
      if (!(error instanceof ApiKeyNotFound)) throw error;
      throw new HttpException(
        {
          type: PROBLEM_TYPE_BASE + 'api-key-not-found',
          title: 'Not found',
          status: 404,
          detail: `No API key ${id}`,
        },
        404,
      );
    }
  }
}
