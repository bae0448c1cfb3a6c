import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { compileProcedure, type CompiledProcedure } from '../../domain/compile';
import { renderSvg, toMermaid } from '../../domain/diagram';
import { readProcedureVersion } from '../get-procedure-version/get-procedure-version.handler';
import { RenderProcedureDiagramQuery, type RenderedDiagram } from './render-procedure-diagram.query';

/** Published versions never change, so their diagrams are kept once drawn (a few hundred at most). */
const CACHE_LIMIT = 200;

@QueryHandler(RenderProcedureDiagramQuery)
export class RenderProcedureDiagramHandler implements IQueryHandler<RenderProcedureDiagramQuery> {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ code, version, format }: RenderProcedureDiagramQuery): Promise<RenderedDiagram> {
    const key = `${format}|${code}|${version}`;
    let body = this.cache.get(key);
    if (body === undefined) {
      body = this.draw(code, version, format);
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, body);
      body.catch(() => this.cache.delete(key));
    }
    return {
      contentType: format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'text/plain; charset=utf-8',
      body: await body,
    };
  }

  private async draw(code: string, version: number, format: 'svg' | 'mermaid'): Promise<string> {
    const { definition } = await readProcedureVersion(this.db, code, version);
    const procedure: CompiledProcedure = compileProcedure(definition);
    return format === 'svg' ? renderSvg(procedure) : toMermaid(procedure);
  }
}
