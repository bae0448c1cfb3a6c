// The dossier decider: decide(context, state, command) → events. Pure: time, ids, actor and the dossier code
// all arrive in the command; the procedure version, the agency's calendar and the settings in the context.
// The compiled procedure answers who may do what where (one typed error, DossierActionNotAllowed, when it
// says no); the rules about time and counts are checked here (docs/domain/lifecycle-and-forms.md, docs/domain/working-time.md).
import type { DossierContext } from './dossier-context';
import type { DossierCommand } from './dossier-commands';
import type { DossierEvent } from './dossier-events';
import type { DossierState } from './dossier-state';
import {
  decideComplete,
  decideReceive,
  decideRefuseReceipt,
  decideRequestCompletion,
  decideSubmit,
} from './decide-intake';
import {
  decideApprove,
  decideEndExcludedInterval,
  decideHandOver,
  decideProvideSupplement,
  decideRefuseResolution,
  decideRequestSupplement,
  decideStartExcludedInterval,
  decideTransfer,
} from './decide-processing';
import {
  decideFlagAtRisk,
  decideIssueApology,
  decideIssueResult,
  decideRate,
  decideReturnResult,
  decideWithdraw,
} from './decide-resolution';
import { DossierNotFound } from './errors';

/**
 * @throws DossierActionNotAllowed, DossierNotFound, DossierAlreadySubmitted, InvalidApplication, and the rule
 *   errors of errors.ts; CalendarYearMissing when a deadline falls in a year with no official calendar.
 */
export function decide(
  context: DossierContext,
  state: DossierState,
  command: DossierCommand,
): DossierEvent[] {
  if (command.type === 'SubmitDossier') return decideSubmit(context, state, command);
  if (state.status === 'empty') throw new DossierNotFound(command.type);
  switch (command.type) {
    case 'ReceiveDossier':
      return decideReceive(context, state, command);
    case 'RequestCompletion':
      return decideRequestCompletion(context, state, command);
    case 'CompleteDossier':
      return decideComplete(context, state, command);
    case 'RefuseReceipt':
      return decideRefuseReceipt(context, state, command);
    case 'TransferDossier':
      return decideTransfer(context, state, command);
    case 'HandOver':
      return decideHandOver(context, state, command);
    case 'RequestSupplement':
      return decideRequestSupplement(context, state, command);
    case 'ProvideSupplement':
      return decideProvideSupplement(context, state, command);
    case 'StartExcludedInterval':
      return decideStartExcludedInterval(context, state, command);
    case 'EndExcludedInterval':
      return decideEndExcludedInterval(context, state, command);
    case 'Approve':
      return decideApprove(context, state, command);
    case 'RefuseResolution':
      return decideRefuseResolution(context, state, command);
    case 'IssueResult':
      return decideIssueResult(context, state, command);
    case 'ReturnResult':
      return decideReturnResult(context, state, command);
    case 'Withdraw':
      return decideWithdraw(context, state, command);
    case 'IssueApology':
      return decideIssueApology(context, state, command);
    case 'Rate':
      return decideRate(context, state, command);
    case 'FlagAtRisk':
      return decideFlagAtRisk(context, state, command);
  }
}
