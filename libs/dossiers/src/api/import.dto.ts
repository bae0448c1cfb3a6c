import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportErrorDto {
  @ApiProperty({ example: 3, description: '1-based line number in the NDJSON body' })
  line: number;

  @ApiPropertyOptional({ example: 'KV-2025-000123', nullable: true })
  externalId: string | null;

  @ApiProperty({
    example:
      'step 4 (approve): The action APPROVE is not allowed in state examine.active … [dossier-action-not-allowed]',
  })
  message: string;
}

export class ImportSummaryDto {
  @ApiProperty({ example: 120, description: 'Lines read (blank lines included)' })
  lines: number;

  @ApiProperty({ example: 117 })
  imported: number;

  @ApiProperty({
    example: 0,
    description: 'Records whose externalId was imported before with the same content',
  })
  alreadyImported: number;

  @ApiProperty({ example: 3 })
  failed: number;

  @ApiProperty({ type: [ImportErrorDto], description: 'The first 1000 failures, in line order' })
  errors: ImportErrorDto[];

  @ApiProperty({ example: false })
  dryRun: boolean;
}
