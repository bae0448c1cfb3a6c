/**
 * Diagrams of a procedure version, drawn from the same workflow graph the engine runs: Mermaid text (for
 * Markdown, the portal, code review) and SVG through Graphviz compiled to WebAssembly (@viz-js/viz), so no
 * native binary is needed. Labels are Vietnamese with the English underneath; edges carry the event, the
 * roles allowed to fire it and any guard; step states carry their time budget.
 *
 * Withdrawal and the actions that do not change state (APOLOGISE, RATE) are possible in so many states
 * that drawing them hides the procedure; a legend mentions them instead unless asked for.
 */
import { instance, type Viz } from '@viz-js/viz';
import { compileProcedure, type CompiledProcedure } from './compile';
import type { LocalisedText, ProcedureDefinitionDocument } from './definition';
import { formatDuration } from './duration';
import { describeGuard } from './guard';
import type { StateDescriptor } from './lifecycle';
import type { WorkflowTransition } from './workflow-graph';

export interface DiagramOptions {
  /** Draw WITHDRAW edges from every state that allows it. Default false. */
  readonly showWithdrawals?: boolean;
}

type DiagramInput = CompiledProcedure | ProcedureDefinitionDocument;

function compiled(input: DiagramInput): CompiledProcedure {
  return 'graph' in input ? input : compileProcedure(input);
}

function drawnTransitions(procedure: CompiledProcedure, options: DiagramOptions): WorkflowTransition[] {
  return procedure.graph.transitions.filter(
    (t) => t.target !== null && (options.showWithdrawals === true || t.event !== 'WITHDRAW'),
  );
}

function budget(state: StateDescriptor): LocalisedText | undefined {
  if (state.timeBudget === undefined || state.kind !== 'processing') return undefined;
  const text = formatDuration({ value: state.timeBudget, unit: 'working-days' });
  return { vi: `Thời hạn ${text.vi}`, en: `budget ${text.en}` };
}

function edgeParts(
  procedure: CompiledProcedure,
  t: WorkflowTransition,
): { head: string; guard?: LocalisedText } {
  const head = `${t.event} (${t.roles.join(', ')})`;
  return t.guard === undefined
    ? { head }
    : { head, guard: describeGuard(t.guard, procedure.definition.applicationForm) };
}

function legend(procedure: CompiledProcedure): LocalisedText {
  const { statutoryDuration, committedDuration } = procedure.definition;
  const [s, c] = [formatDuration(statutoryDuration), formatDuration(committedDuration)];
  return {
    vi: `Thời hạn luật định ${s.vi}, cam kết ${c.vi}. Rút hồ sơ (WITHDRAW) được phép đến khi phê duyệt; xin lỗi, hẹn lại (APOLOGISE) trong lúc xử lý; đánh giá (RATE) sau khi trả kết quả.`,
    en: `Statutory ${s.en}, committed ${c.en}. WITHDRAW is possible until approval, APOLOGISE while processing, RATE after return.`,
  };
}

// ---- Mermaid -----------------------------------------------------------------------------------------

function mermaidId(state: string): string {
  return state.replace(/[^A-Za-z0-9]/g, '_');
}

/** Mermaid labels may not contain the characters its grammar uses for structure. */
function mermaidText(text: string): string {
  return text.replace(/[{]/g, '(').replace(/[}]/g, ')').replace(/[;#:]/g, ',').replace(/"/g, "'");
}

const MERMAID_STYLES: Record<StateDescriptor['kind'], string> = {
  intake: 'fill:#e8f1fb,stroke:#3b78c2',
  processing: 'fill:#ffffff,stroke:#333333',
  'waiting-for-citizen': 'fill:#fff4d6,stroke:#c99a06,stroke-dasharray: 5 5',
  'excluded-interval': 'fill:#f1f1f1,stroke:#888888,stroke-dasharray: 5 5',
  'result-ready': 'fill:#e3f6e6,stroke:#2f8a3e',
  final: 'fill:#dddddd,stroke:#333333,stroke-width:2px',
};

/** A `stateDiagram-v2` of the whole workflow. */
export function toMermaid(input: DiagramInput, options: DiagramOptions = {}): string {
  const procedure = compiled(input);
  const { definition, graph } = procedure;
  const lines = ['stateDiagram-v2', `  %% ${definition.code} ${definition.name.vi} / ${definition.name.en}`];
  for (const state of graph.states) {
    const time = budget(state);
    const label = [state.name.vi, `<i>${state.name.en}</i>`, ...(time ? [`${time.vi} / ${time.en}`] : [])];
    lines.push(`  state "${mermaidText(label.join('<br/>'))}" as ${mermaidId(state.id)}`);
  }
  lines.push(`  [*] --> ${mermaidId(graph.initial)} : SUBMIT`);
  for (const t of drawnTransitions(procedure, options)) {
    const { head, guard } = edgeParts(procedure, t);
    const label = guard ? `${head}<br/>nếu ${guard.vi} / if ${guard.en}` : head;
    lines.push(`  ${mermaidId(t.source)} --> ${mermaidId(t.target ?? t.source)} : ${mermaidText(label)}`);
  }
  for (const state of graph.states.filter((s) => s.kind === 'final')) {
    lines.push(`  ${mermaidId(state.id)} --> [*]`);
  }
  const note = legend(procedure);
  lines.push(`  note right of ${mermaidId(graph.initial)}`, `    ${mermaidText(note.vi)}`);
  lines.push(`    ${mermaidText(note.en)}`, '  end note');
  for (const kind of Object.keys(MERMAID_STYLES) as StateDescriptor['kind'][]) {
    const members = graph.states.filter((s) => s.kind === kind).map((s) => mermaidId(s.id));
    if (members.length === 0) continue;
    const className = `kind_${mermaidId(kind)}`;
    lines.push(
      `  classDef ${className} ${MERMAID_STYLES[kind]}`,
      `  class ${members.join(',')} ${className}`,
    );
  }
  return lines.join('\n') + '\n';
}

// ---- Graphviz ----------------------------------------------------------------------------------------

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const DOT_STYLES: Record<StateDescriptor['kind'], string> = {
  intake: 'fillcolor="#e8f1fb", color="#3b78c2"',
  processing: 'fillcolor="#ffffff", color="#333333"',
  'waiting-for-citizen': 'fillcolor="#fff4d6", color="#c99a06", style="rounded,filled,dashed"',
  'excluded-interval': 'fillcolor="#f1f1f1", color="#888888", style="rounded,filled,dashed"',
  'result-ready': 'fillcolor="#e3f6e6", color="#2f8a3e"',
  final: 'fillcolor="#dddddd", color="#333333", peripheries=2',
};

function dotNode(state: StateDescriptor): string {
  const time = budget(state);
  const rows = [
    `<B>${html(state.name.vi)}</B>`,
    `<I>${html(state.name.en)}</I>`,
    ...(time ? [`<FONT POINT-SIZE="10">${html(`${time.vi} / ${time.en}`)}</FONT>`] : []),
  ];
  return `    ${dotString(state.id)} [label=<${rows.join('<BR/>')}>, ${DOT_STYLES[state.kind]}];`;
}

function cluster(id: string, label: LocalisedText, states: readonly StateDescriptor[]): string[] {
  if (states.length === 0) return [];
  return [
    `  subgraph ${dotString(`cluster_${id}`)} {`,
    `    label=<<B>${html(label.vi)}</B><BR/><I>${html(label.en)}</I>>;`,
    '    style="rounded"; color="#999999";',
    ...states.map(dotNode),
    '  }',
  ];
}

/** Graphviz DOT, with the agency's steps in one box per agency (a liên thông procedure shows its hand-overs). */
export function toDot(input: DiagramInput, options: DiagramOptions = {}): string {
  const procedure = compiled(input);
  const { definition, graph } = procedure;
  const partners = new Map(definition.partnerAgencies.map((a) => [a.code, a]));
  const own = graph.states.filter((s) => s.agency === undefined);
  const title = `${definition.code} · ${definition.name.vi}`;
  const lines = [
    'digraph procedure {',
    `  graph [rankdir=TB, fontname="Helvetica", labelloc=t, label=<<B>${html(title)}</B><BR/><I>${html(definition.name.en)}</I><BR/><FONT POINT-SIZE="10">${html(legend(procedure).vi)}<BR/>${html(legend(procedure).en)}</FONT>>];`,
    // Graphviz sizes boxes with its own font metrics; the margin leaves room for wider viewer fonts.
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12, margin="0.3,0.08"];',
    '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    `  ${dotString('start')} [shape=point, width=0.15, label=""];`,
    ...cluster(
      'intake',
      { vi: 'Tiếp nhận', en: 'Intake' },
      own.filter((s) => s.kind === 'intake'),
    ),
    ...cluster(
      'agency',
      definition.agency.name,
      own.filter((s) => s.kind !== 'intake' && s.kind !== 'final'),
    ),
    ...[...partners.values()].flatMap((agency, i) =>
      cluster(
        `partner_${i}`,
        agency.name,
        graph.states.filter((s) => s.agency === agency.code),
      ),
    ),
    '  subgraph outcomes {',
    '    rank=sink;',
    ...own.filter((s) => s.kind === 'final').map(dotNode),
    '  }',
    `  ${dotString('start')} -> ${dotString(graph.initial)} [label="SUBMIT"];`,
  ];
  for (const t of drawnTransitions(procedure, options)) {
    const { head, guard } = edgeParts(procedure, t);
    const label = guard ? `${head}\nnếu ${guard.vi}\nif ${guard.en}` : head;
    const style = t.escape
      ? ', style=dashed, color="#aaaaaa"'
      : t.origin === 'lifecycle'
        ? ', color="#3b78c2"'
        : '';
    lines.push(
      `  ${dotString(t.source)} -> ${dotString(t.target ?? t.source)} [label=${dotString(label)}${style}];`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

let viz: Promise<Viz> | undefined;

/** A standalone SVG document (XML prolog + <svg>). The Graphviz wasm module loads once per process. */
export async function renderSvg(input: DiagramInput, options: DiagramOptions = {}): Promise<string> {
  viz ??= instance();
  return (await viz).renderString(toDot(input, options), { format: 'svg' });
}
