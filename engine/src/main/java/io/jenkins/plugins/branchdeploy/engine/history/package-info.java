/**
 * Deploy history per environment (kept in a namespace annotation) and installation-wide metrics,
 * with their JSON and Prometheus forms.
 */
package io.jenkins.plugins.branchdeploy.engine.history;
