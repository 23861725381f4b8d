/**
 * Reads manifests from a directory or file, fills in their placeholders and re-homes them into the
 * environment's namespace: the rendered documents a deploy applies.
 */
package io.jenkins.plugins.branchdeploy.engine.manifest;
