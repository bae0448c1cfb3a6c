import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class EraseApplicantDto {
  @ApiProperty({ example: '079203001123', description: 'The applicant’s national ID (as in ApplicantDto)' })
  @Matches(/^[0-9A-Za-z]{6,20}$/, { message: 'nationalId must be 6 to 20 letters or digits' })
  nationalId!: string;

  @ApiProperty({
    example: 'DPO-2026-0042',
    maxLength: 200,
    description: 'The request or decision behind the erasure; stored in the audit event, so no personal data',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference!: string;
}

export class ApplicantErasureDto {
  @ApiProperty({ format: 'uuid', description: 'The destroyed data key' })
  keyId!: string;
  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;
  @ApiProperty({ description: 'Dossiers whose applicant that key sealed (from the read model)' })
  dossiers!: number;
}
