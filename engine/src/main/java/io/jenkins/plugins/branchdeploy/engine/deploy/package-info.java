/**
 * The entry point for one deploy or teardown: {@link io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer}
 * ties the cluster, the database, the change report, smoke tests and history together for both front ends.
 */
package io.jenkins.plugins.branchdeploy.engine.deploy;
