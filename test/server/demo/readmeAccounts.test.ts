import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { DEMO_USERS } from '../../../server/demo/demoDirectory.js';
import { DEMO_PASSWORD } from '../../e2e/support/ui.js';

describe('README: the demo accounts', () => {
  it('lists every demo account by its e-mail, and the password they sign in with', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const listed = DEMO_USERS.filter((u) => readme.includes(`\`${u.email}\``)).map((u) => u.email);
    expect(listed).to.deep.equal(DEMO_USERS.map((u) => u.email));
    expect(readme).to.include(`**\`${DEMO_PASSWORD}\`**`);
  });
});
