/**
 * The pull request sees its environment: the review link that records who opened it, the
 * "Branch deployment" check, and the review metrics for the Metrics plugin. Decisions live in the
 * engine ({@code ReviewLink}, {@code DeployCheck}, {@code ReviewMetrics}); this package only wires
 * them into Jenkins.
 */
package io.jenkins.plugins.branchdeploy.review;
