import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { validateDefinitionText } from '../../domain/definition-text';
import { validateDefinition } from '../../domain/validate';
import { ValidateDefinitionQuery, type ValidationReport } from './validate-definition.query';

@QueryHandler(ValidateDefinitionQuery)
export class ValidateDefinitionHandler implements IQueryHandler<ValidateDefinitionQuery> {
  execute({ input }: ValidateDefinitionQuery): Promise<ValidationReport> {
    const result =
      input.kind === 'text'
        ? validateDefinitionText(input.text, input.format)
        : validateDefinition(input.document);
    return Promise.resolve({
      valid: result.ok,
      errors: result.ok ? [] : result.errors,
      warnings: result.warnings,
    });
  }
}
