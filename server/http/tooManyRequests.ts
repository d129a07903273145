export { TooManyRequestsError } from '../errors/httpError.js';
