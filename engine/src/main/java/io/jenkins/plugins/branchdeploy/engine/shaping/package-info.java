/**
 * What is done to the rendered manifests before they are applied, whatever they were rendered
 * from: load balancers become ClusterIP Services, the exposure's Ingress or HTTPRoute is added, the
 * quota is checked against (or sized from) the app's pod templates, and the URL is whatever routes
 * to the environment's host. Needs no cluster.
 */
package io.jenkins.plugins.branchdeploy.engine.shaping;
