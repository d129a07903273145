import { expect } from 'chai';
import { passwordAdviceEn, passwordAdviceZh } from '../../../client/src/i18n/passwordAdvice.js';
import * as en from '@zxcvbn-ts/language-en';
import { checkPasswordStrength } from '../../../shared/passwords/checkPasswordStrength.js';

const lookup = (table: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], table);

describe('password advice in the user’s language', () => {
  it('names its reasons by stable keys, with the English sentences beside them', () => {
    const verdict = checkPasswordStrength('password12', { minLength: 12 });
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons[0]).to.equal('minLength');
    expect(verdict.reasons.slice(1).every((r) => /^(warnings|suggestions)\.\w+$|^tooEasy$/.test(r))).to.equal(
      true,
    );
    expect(verdict.feedback[0]).to.equal('Use at least 12 characters.');
    expect(verdict.feedback).to.have.length(verdict.reasons.length);
    expect(verdict.feedback.join(' ')).to.not.match(/warnings\.|suggestions\./);
  });

  it('has a Chinese and an English text for every reason zxcvbn can give', () => {
    const keys = [
      'minLength',
      'tooEasy',
      ...Object.keys(en.translations.warnings).map((k) => `warnings.${k}`),
      ...Object.keys(en.translations.suggestions).map((k) => `suggestions.${k}`),
    ];
    for (const key of keys) {
      expect(lookup(passwordAdviceZh, key), key).to.be.a('string');
      expect(lookup(passwordAdviceEn, key), key).to.be.a('string');
    }
  });
});
