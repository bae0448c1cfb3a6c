// Request DTOs of the official calendars: shape only; consistency (dates in the year, make-up days on
// rest days, swap links) is checked by officialYearCalendarProblems and answered 422 with every problem.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DERIVABLE_YEARS } from '../domain/calendar';

export class CalendarYearParams {
  @ApiProperty({ example: 2027, minimum: DERIVABLE_YEARS.first, maximum: DERIVABLE_YEARS.last })
  @Type(() => Number)
  @IsInt()
  @Min(DERIVABLE_YEARS.first)
  @Max(DERIVABLE_YEARS.last)
  year!: number;
}

export class CalendarNameDto {
  @ApiProperty({ example: 'Tết Nguyên đán' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  vi!: string;

  @ApiProperty({ example: 'Lunar New Year' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  en!: string;
}

export class DayOffDto {
  @ApiProperty({ example: '2027-02-08' })
  @IsString()
  @MaxLength(20)
  date!: string;

  @ApiProperty({ type: CalendarNameDto })
  @ValidateNested()
  @Type(() => CalendarNameDto)
  name!: CalendarNameDto;

  @ApiProperty({ enum: ['holiday', 'compensatory', 'swap'] })
  @IsIn(['holiday', 'compensatory', 'swap'])
  kind!: 'holiday' | 'compensatory' | 'swap';

  @ApiPropertyOptional({ description: 'compensatory: the weekend holiday; swap: the make-up working day' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  compensates?: string;
}

export class MakeUpWorkingDayDto {
  @ApiProperty({ example: '2027-02-20' })
  @IsString()
  @MaxLength(20)
  date!: string;

  @ApiProperty({ type: CalendarNameDto })
  @ValidateNested()
  @Type(() => CalendarNameDto)
  name!: CalendarNameDto;

  @ApiProperty({ description: 'The swap day off it pays for' })
  @IsString()
  @MaxLength(20)
  compensates!: string;
}

export class SaveOfficialCalendarDto {
  @ApiProperty({ example: 'Công văn …/VPCP-KGVX ngày …', description: 'The legal document(s) cited' })
  @IsString()
  @MaxLength(1000)
  source!: string;

  @ApiProperty({ type: [DayOffDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DayOffDto)
  daysOff!: DayOffDto[];

  @ApiProperty({ type: [MakeUpWorkingDayDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MakeUpWorkingDayDto)
  makeUpWorkingDays!: MakeUpWorkingDayDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  notes?: string[];

  @ApiPropertyOptional({ description: 'Required to amend a confirmed year' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
