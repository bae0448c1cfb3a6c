import { Query } from '@nestjs/cqrs';
import type { LocatedIssue } from '../../domain/definition-text';
import type { DefinitionInput } from '../definition-input';

export interface ValidationReport {
  readonly valid: boolean;
  readonly errors: readonly LocatedIssue[];
  readonly warnings: readonly LocatedIssue[];
}

/** Check a definition without storing anything: every error and warning at once. */
export class ValidateDefinitionQuery extends Query<ValidationReport> {
  constructor(readonly input: DefinitionInput) {
    super();
  }
}
