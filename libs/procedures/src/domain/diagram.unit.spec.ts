import { compileProcedure } from './compile';
import { validateDefinitionText } from './definition-text';
import { renderSvg, toDot, toMermaid } from './diagram';
import { minimalDefinition, sampleText } from './testing/fixtures';

function sample(file: string) {
  const result = validateDefinitionText(sampleText(file));
  if (!result.ok) throw new Error(file);
  return compileProcedure(result.definition);
}

describe('diagrams', () => {
  it('given a procedure, when drawn in Mermaid, then it shows every step with its time budget and the roles on each edge', () => {
    const mermaid = toMermaid(sample('marital-status-certificate.yaml'));

    expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(mermaid).toContain(
      'state "Thẩm tra hồ sơ<br/><i>Examine the dossier</i><br/>Thời hạn 0,5 ngày làm việc',
    );
    expect(mermaid).toContain('as verify_former_residence_active');
    expect(mermaid).toContain('sign_active --> approved : APPROVE (leader)');
    expect(mermaid).toContain('received --> examine_active : TRANSFER (receiving-officer, integration)');
    expect(mermaid).toMatch(
      /examine_active --> verify_former_residence_active : REQUEST_VERIFICATION \(specialist\)<br\/>nếu Đã từng đăng ký thường trú ở nơi khác = true/,
    );
    expect(mermaid).toContain('[*] --> submitted');
    expect(mermaid).toContain('returned --> [*]');
    expect(mermaid).not.toContain('WITHDRAW (');
  });

  it('given the option, when drawn, then withdrawals are drawn too', () => {
    expect(toMermaid(minimalDefinition(), { showWithdrawals: true })).toContain(
      'examine_active --> withdrawn : WITHDRAW',
    );
  });

  it('given a liên thông procedure, when drawn with Graphviz, then the partner agency gets its own box', () => {
    const dot = toDot(sample('birth-health-insurance-lien-thong.yaml'));

    expect(dot.startsWith('digraph procedure {')).toBe(true);
    expect(dot).toContain('<B>Bảo hiểm xã hội huyện Khánh Vĩnh</B>');
    expect(dot).toContain('"issue-health-card.active" -> "approved" [label="APPROVE (partner-agency)"]');
  });

  it('given a procedure, when rendered, then the SVG is a standalone document with the Vietnamese state names', async () => {
    const svg = await renderSvg(sample('prestigious-person-removal.yaml'));

    expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Kiểm tra, tổng hợp hồ sơ của xã');
    expect(svg).toContain('Trưởng phòng thẩm định');
    expect(svg).toContain('Thời hạn 2 ngày làm việc / budget 2 working days');
  });
});
