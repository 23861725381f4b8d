/**
 * Jenkins glue for Branch Deploy: Pipeline steps, the build page, periodic cleanup, multibranch
 * events and configuration. Every decision lives in the engine
 * ({@code io.jenkins.plugins.branchdeploy.engine}); classes here translate between Jenkins and it.
 */
package io.jenkins.plugins.branchdeploy;
