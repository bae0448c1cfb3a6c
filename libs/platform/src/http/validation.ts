import { HttpException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { PROBLEM_TYPE_BASE } from './problem-details.filter';

export interface FieldError {
  /** JSON Pointer to the offending member of the request body or query, e.g. `/applicant/name`. */
  readonly path: string;
  readonly message: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = `${parent}/${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return own.concat(flatten(e.children ?? [], path));
  });
}

/** Strict DTO validation: unknown members are rejected, all errors are reported at once with paths. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      return new HttpException(
        {
          type: PROBLEM_TYPE_BASE + 'validation-failed',
          title: 'Bad request',
          status: 400,
          detail: `The request has ${list.length} invalid member(s): ${list.map((e) => e.path).join(', ')}`,
          errors: list,
        },
        400,
      );
    },
  });
}
