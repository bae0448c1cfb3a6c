/**
 * Checks over the complete workflow graph (lifecycle + steps): every step can be reached from submission,
 * every step can still end in a result or a refusal, some path leads to approval, and the step budgets fit
 * in the committed time. Withdrawal is possible almost everywhere, so it is ignored when asking whether a
 * step can finish: otherwise no step would ever be a dead end.
 */
import type { Duration } from './definition';
import { workingDays } from './duration';
import { LIFECYCLE_STATES, STEP_SUBSTATES, stepStateId } from './lifecycle';
import type { LooseDefinition, LooseStep } from './loose-definition';
import { error, warning, type ValidationIssue } from './validation-issue';
import { buildWorkflowGraph, type WorkflowGraph, type WorkflowTransition } from './workflow-graph';

function closure(start: readonly string[], next: (state: string) => readonly string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const following of next(state)) {
      if (!seen.has(following)) {
        seen.add(following);
        queue.push(following);
      }
    }
  }
  return seen;
}

function edgesBy(
  transitions: readonly WorkflowTransition[],
  key: (t: WorkflowTransition & { target: string }) => [string, string],
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const t of transitions) {
    if (t.target === null) continue;
    const [from, to] = key({ ...t, target: t.target });
    map.set(from, [...(map.get(from) ?? []), to]);
  }
  return map;
}

/**
 * The largest sum of step budgets along any path from the first step to approval, ignoring loops (a dossier
 * sent back for rework is not the planned path). Gives up on very branchy graphs rather than explode.
 */
function longestBudgetPath(steps: readonly LooseStep[], graph: WorkflowGraph): number {
  const budgets = new Map(steps.map((s) => [stepStateId(s.id, STEP_SUBSTATES.active), s.timeBudget]));
  const next = edgesBy(
    graph.transitions.filter((t) => t.origin !== 'lifecycle'),
    (t) => [t.source, t.target],
  );
  let expansions = 0;
  const walk = (state: string, visited: ReadonlySet<string>): number => {
    if (state === LIFECYCLE_STATES.approved) return 0;
    if (++expansions > 10_000) return Number.NEGATIVE_INFINITY;
    const options = (next.get(state) ?? [])
      .filter((following) => !visited.has(following) && (budgets.has(following) || following === 'approved'))
      .map((following) => walk(following, new Set([...visited, following])));
    return Math.max(Number.NEGATIVE_INFINITY, ...options) + (budgets.get(state) ?? 0);
  };
  const first = steps[0];
  return first === undefined ? 0 : walk(stepStateId(first.id, STEP_SUBSTATES.active), new Set());
}

function checkBudget(
  steps: readonly LooseStep[],
  graph: WorkflowGraph,
  committed?: Duration,
): ValidationIssue[] {
  const limit = committed === undefined ? undefined : workingDays(committed);
  if (limit === undefined) return [];
  const longest = longestBudgetPath(steps, graph);
  if (!Number.isFinite(longest) || longest <= limit) return [];
  return [
    warning(
      'budget-exceeds-committed',
      '/workflow/steps',
      `The step time budgets add up to ${longest} working days on the longest path, more than the committed ${limit}; dossiers following it will be late.`,
      `Tổng thời gian các bước trên nhánh dài nhất là ${longest} ngày làm việc, vượt thời gian cam kết ${limit} ngày; hồ sơ đi theo nhánh này sẽ bị trễ hạn.`,
    ),
  ];
}

export function checkGraph(definition: LooseDefinition): ValidationIssue[] {
  // A duplicated step id is reported elsewhere; the graph uses the first step with that id.
  const steps = definition.steps.filter((s, i, all) => all.findIndex((other) => other.id === s.id) === i);
  const full = buildWorkflowGraph({
    steps,
    declaredRoles: definition.roles.map((r) => r.value),
    hasExcludedIntervals: definition.hasExcludedIntervals,
  });
  // Transitions to unknown states are reported by the declaration checks; here they simply lead nowhere.
  const known = new Set(full.states.map((s) => s.id));
  const graph = {
    ...full,
    transitions: full.transitions.filter((t) => t.target === null || known.has(t.target)),
  };

  const forward = edgesBy(graph.transitions, (t) => [t.source, t.target]);
  const reachable = closure([graph.initial], (state) => forward.get(state) ?? []);
  const backward = edgesBy(
    graph.transitions.filter((t) => !t.escape),
    (t) => [t.target, t.source],
  );
  const finals = graph.states.filter((s) => s.kind === 'final').map((s) => s.id);
  const canFinish = closure(finals, (state) => backward.get(state) ?? []);

  const issues: ValidationIssue[] = [];
  for (const step of steps) {
    const active = stepStateId(step.id, STEP_SUBSTATES.active);
    if (!reachable.has(active)) {
      issues.push(
        error(
          'unreachable-step',
          step.path,
          `The step "${step.id}" can never be reached: no transition from the start of the workflow leads to it.`,
          `Bước "${step.id}" không bao giờ được thực hiện: không có bước chuyển nào từ đầu quy trình dẫn tới.`,
        ),
      );
    }
    if (!canFinish.has(active)) {
      issues.push(
        error(
          'dead-end-step',
          step.path,
          `A dossier in step "${step.id}" can never finish: no sequence of transitions leads from it to approval or refusal.`,
          `Hồ sơ ở bước "${step.id}" không thể kết thúc: không có chuỗi bước chuyển nào dẫn tới phê duyệt hoặc từ chối.`,
        ),
      );
    }
  }
  if (steps.length > 0 && !reachable.has(LIFECYCLE_STATES.approved)) {
    issues.push(
      error(
        'no-approval',
        '/workflow/steps',
        'No path through the steps reaches approval (APPROVE → approved), so no dossier could ever get its result.',
        'Không có nhánh nào của quy trình dẫn tới phê duyệt (APPROVE → approved), nên không hồ sơ nào có kết quả.',
      ),
    );
  }
  issues.push(...checkBudget(steps, graph, definition.committedDuration));
  return issues;
}
