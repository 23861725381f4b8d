/**
 * Webhooks of third-party services for environments: the app's stable webhook host, each
 * environment's webhook URL under it, and the route objects that send {@code /ENVIRONMENT/...} to an
 * environment's Service with the prefix removed (a Gateway API HTTPRoute with a URLRewrite filter, or
 * an Ingress with its controller's rewrite annotations). Needs no cluster: the default route that
 * moves between environments is the cluster layer's.
 */
package io.jenkins.plugins.branchdeploy.engine.webhook;
