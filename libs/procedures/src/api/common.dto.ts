// Pieces shared by the registry's request and response DTOs.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z]{1,6})?$/;
export const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;
export const UNIT_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class LocalisedTextDto {
  @ApiProperty({ example: 'UBND xã Khánh Trung' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  vi!: string;

  @ApiProperty({ example: "Khánh Trung Commune People's Committee" })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  en!: string;
}

export class PaginationDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Items to skip (see nextOffset)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class PageMetaDto {
  @ApiProperty({ description: 'Items matching the filters, over all pages' })
  total!: number;
  @ApiProperty()
  limit!: number;
  @ApiProperty()
  offset!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Offset of the next page; null on the last' })
  nextOffset!: number | null;
}

export class ProcedureCodeParams {
  @ApiProperty({ example: '1.004873' })
  @Matches(PROCEDURE_CODE, { message: 'code must be a procedure code such as 1.004873 or 1.001193.LT' })
  code!: string;
}

export class ProcedureVersionParams extends ProcedureCodeParams {
  @ApiProperty({ example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class AgencyCodeParams {
  @ApiProperty({ example: '000.00.18.H56' })
  @Matches(AGENCY_CODE, { message: 'code must be an electronic identifier code such as 000.00.18.H56' })
  code!: string;
}

export class UnitCodeParams {
  @ApiProperty({ example: '22606' })
  @Matches(UNIT_CODE, { message: 'code must be an administrative unit code' })
  code!: string;
}
