// The refusals routes throw are the domain's (use cases throw the same ones); re-exported for routes.
export * from '../domain/problems.js';
