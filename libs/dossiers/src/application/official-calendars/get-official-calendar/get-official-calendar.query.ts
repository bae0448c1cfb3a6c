import { Query } from '@nestjs/cqrs';
import type { OfficialCalendarDetails } from '../official-calendar-views';

export class GetOfficialCalendarQuery extends Query<OfficialCalendarDetails> {
  constructor(readonly year: number) {
    super();
  }
}
