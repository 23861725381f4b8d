/**
 * Variants: an environment copied from a live one (a branch's, a pull request's, another variant's)
 * with images, environment variables and config values overridden, under a name of its own
 * ({@code try-<name>}), deployed on the deploy's own path and removed when its time to live runs out.
 */
package io.jenkins.plugins.branchdeploy.engine.variant;
