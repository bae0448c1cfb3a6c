import { Command } from '@nestjs/cqrs';
import type { ProcedureRetiredAnswer } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** Stop new dossiers for the procedure; running dossiers keep their version. */
export class RetireProcedureCommand extends Command<ProcedureRetiredAnswer> {
  constructor(
    readonly code: string,
    readonly context: RequestContext,
    readonly reason?: string,
  ) {
    super();
  }
}
