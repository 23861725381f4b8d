/**
 * The pull request sees its environment: the "Branch deployment" check and the review metrics for
 * the Metrics plugin (the review link's endpoint is a page of {@code overview}). Decisions live in
 * the engine ({@code DeployCheck}, {@code ReviewMetrics}); this package only wires them into Jenkins.
 */
package io.jenkins.plugins.branchdeploy.review;
