import { expect } from 'chai';
import { mountPathOf, routePattern } from '../../../server/metrics/routePattern.js';

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

  it('finds the mount path in the URL by the route path’s own segments', () => {
    expect(mountPathOf('/api/cases/abc/actions?x=1', '/:id/actions')).to.equal('/api/cases');
    expect(mountPathOf('/api/cases', '/')).to.equal('/api/cases');
    expect(mountPathOf('/api/cases/', '/')).to.equal('/api/cases');
    expect(mountPathOf('/healthz', '/healthz')).to.equal('');
    expect(mountPathOf('/api/cases/Xy_9-ab/evidence/f1', '/:id/evidence/:fileId')).to.equal('/api/cases');
  });
});
