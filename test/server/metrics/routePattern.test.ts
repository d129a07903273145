import { expect } from 'chai';
import { routePattern } from '../../../server/metrics/routePattern.js';

describe('metrics: route patterns', () => {
  it('joins the mount path and the route path', () => {
    expect(routePattern('/api/cases', '/:id', { id: 'abc' })).to.equal('/api/cases/:id');
    expect(routePattern('/api/cases', '/', {})).to.equal('/api/cases');
    expect(routePattern('', '/healthz', {})).to.equal('/healthz');
    expect(routePattern('', '/', {})).to.equal('/');
  });

  it('puts parameters of the mount path back as :name', () => {
    expect(routePattern('/api/cases/Xy_9-ab/evidence', '/:fileId', { id: 'Xy_9-ab', fileId: 'f1' })).to.equal(
      '/api/cases/:id/evidence/:fileId',
    );
    expect(routePattern('/api/orgs/a%20b', '/', { org: 'a b' })).to.equal('/api/orgs/:org');
  });
});
