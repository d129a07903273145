import { expect } from 'chai';
import type { TFunction } from 'i18next';
import { translator } from '../../support/translator.js';
import { ApiError } from '../../../client/src/api/ApiError.js';
import { problemText } from '../../../client/src/api/problemText.js';
import { problemsZh } from '../../../client/src/i18n/problemsZh.js';
import { PROBLEM_CODES } from '../../../shared/api/problemCodes.js';

/** Latin words allowed on a Chinese screen: names of formats and digests. */
const ALLOWED_LATIN = /SHA-256|PDF|MP4|WebM/g;

describe('problemText: server failures in the user’s language', () => {
  let zh: TFunction;
  let english: TFunction;
  before(async () => {
    zh = await translator('zh-CN');
    english = await translator('en');
  });

  it('has a Chinese text for every code the server may send, with no English sentence in it', () => {
    for (const code of PROBLEM_CODES) {
      const text = problemsZh[code];
      expect(text, code).to.match(/[\u4e00-\u9fff]/);
      expect(text.replace(ALLOWED_LATIN, '').replace(/\{\{\w+\}\}/g, ''), code).not.to.match(/[A-Za-z]{2,}/);
    }
  });

  it('names the refused action by its label, not the server’s English sentence', () => {
    const refused = new ApiError(
      403,
      'Forbidden',
      'Your role on this case may not ROUTE now.',
      [],
      'roleMayNotAct',
      {
        action: 'ROUTE',
      },
    );
    expect(problemText(zh, refused, 'zh-CN')).to.equal('您在本案中的身份目前不能进行“分派渠道”。');
    expect(problemText(english, refused, 'en')).to.equal('Your role on this case may not “Route” now.');
  });

  it('explains a missing routing reason as a missing detail', () => {
    const missing = new ApiError(
      422,
      'Unprocessable Content',
      'ROUTE: reason is required…',
      [],
      'routeReasonRequired',
    );
    expect(problemText(zh, missing, 'zh-CN')).to.equal('分派到推荐渠道以外的渠道时，须填写理由。');
  });

  it('gives a refused password’s reasons in the user’s language', () => {
    const weak = new ApiError(
      400,
      'Bad Request',
      'The password is too weak: Use at least 12 characters.',
      [],
      'weakPassword',
      {
        reasons: ['minLength'],
        minLength: 12,
      },
    );
    expect(problemText(zh, weak, 'zh-CN')).to.equal(
      '密码太容易被猜中，请换一个更长、更不常见的密码。 至少使用 12 个字符。',
    );
  });

  it('puts the wait into a rate limit', () => {
    const slow = new ApiError(429, 'Too Many Requests', 'Too many messages…', [], 'rateLimited', {
      retryAfterSeconds: 42,
    });
    expect(problemText(zh, slow, 'zh-CN')).to.equal('操作太频繁，请 42 秒后再试。');
  });

  it('falls back to the status’s own text on a Chinese screen, and to the server’s sentence in English', () => {
    const unknown = new ApiError(409, 'Conflict', 'A brand-new kind of conflict.', [], 'somethingNew');
    expect(problemText(zh, unknown, 'zh-CN')).to.equal('当前情况下无法完成此操作，请刷新后重试。');
    expect(problemText(english, unknown, 'en')).to.equal('A brand-new kind of conflict.');
    expect(problemText(zh, new ApiError(0, 'Network error', 'fetch failed'), 'zh-CN')).to.equal(
      '无法连接服务器，请检查网络后重试。',
    );
    expect(problemText(zh, new Error('boom'), 'zh-CN')).to.equal('出现错误，请重试。');
  });
});
