import { REDACTED, scrubRequestForLog, scrubUrl } from './log-redaction';

describe('request logs hold no personal data', () => {
  it('redacts the lookup’s verification detail in the URL, keeps the rest', () => {
    expect(scrubUrl('/v1/lookup?code=000.31.18.H56-260302-0001&verification=0905123456')).toBe(
      `/v1/lookup?code=000.31.18.H56-260302-0001&verification=${encodeURIComponent(REDACTED)}`,
    );
    expect(scrubUrl('/v1/dossiers?limit=5')).toBe('/v1/dossiers?limit=5');
    expect(scrubUrl('/v1/x?nationalId=056195000123')).not.toContain('056195000123');
  });

  it('redacts the parsed query too', () => {
    const req = scrubRequestForLog({
      url: '/v1/lookup?verification=056195000123',
      query: { verification: '056195000123' },
    });
    expect(JSON.stringify(req)).not.toContain('056195000123');
  });
});
