import { Query } from '@nestjs/cqrs';

export type DiagramFormat = 'svg' | 'mermaid';

export interface RenderedDiagram {
  readonly contentType: string;
  readonly body: string;
}

/** The workflow of one published version as an SVG image or Mermaid text. */
export class RenderProcedureDiagramQuery extends Query<RenderedDiagram> {
  constructor(
    readonly code: string,
    readonly version: number,
    readonly format: DiagramFormat,
  ) {
    super();
  }
}
