import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Only events of this stream (e.g. a dossier id)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional({ description: 'Only events by this actor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ description: 'Only events of this correlation (one request and what it caused)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor from the previous page (`nextCursor`)' })
  @IsOptional()
  @Matches(/^\d+:\d+$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class AuditEntryDto {
  eventId!: string;
  streamId!: string;
  streamType!: string;
  streamVersion!: number;
  eventType!: string;
  actorId!: string | null;
  actorRole!: string | null;
  actorAgency!: string | null;
  correlationId!: string | null;
  commandId!: string | null;
  imported!: boolean;
  occurredAt!: string;
  recordedAt!: string;
}

export class AuditPageDto {
  items!: AuditEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: String })
  nextCursor!: string | null;
}
