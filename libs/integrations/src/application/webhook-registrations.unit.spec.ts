import { registrationProblems } from './webhook-registrations';

const registration = (url: string) => ({ url, procedureCode: '1.004873' });

describe('registrationProblems: the webhook URL', () => {
  it('given private targets are not allowed, when the URL names a private address, then /url is refused', () => {
    expect(registrationProblems(registration('http://169.254.169.254/latest'), false)).toEqual([
      {
        path: '/url',
        message:
          '169.254.169.254 is not a public address: deliveries go to public addresses only (WEBHOOK_ALLOW_PRIVATE_TARGETS)',
      },
    ]);
    expect(
      registrationProblems(registration('http://localhost:4000/hook'), false).map((p) => p.path),
    ).toEqual(['/url']);
  });

  it('given private targets are not allowed, when the URL is public or a name, then nothing is refused', () => {
    expect(registrationProblems(registration('https://203.113.131.1/hook'), false)).toEqual([]);
    expect(registrationProblems(registration('https://portal.example.vn/hook'), false)).toEqual([]);
  });

  it('given private targets are allowed (outside production), when the URL is on this machine, then it is kept', () => {
    expect(registrationProblems(registration('http://127.0.0.1:9/x'), true)).toEqual([]);
  });

  it('given a URL that is not one, then /url is refused whatever the setting', () => {
    expect(registrationProblems(registration('not a url'), true)).toEqual([
      { path: '/url', message: 'must be an absolute http(s) URL' },
    ]);
  });
});
