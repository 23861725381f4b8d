package io.jenkins.plugins.branchdeploy.engine.manifest;

/**
 * Multi-document YAML to turn into objects, and where it came from.
 *
 * @param name how messages name it: a file relative to the manifests, or a chart template such as
 *        {@code podinfo/templates/deployment.yaml}
 * @param text the YAML
 */
record ManifestText(String name, String text) {}
