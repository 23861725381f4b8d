/**
 * Cleanup: the rules that decide which environments to tear down, scale down or wake, the brakes on
 * a run, the plan and its execution, and the live-state file a run writes.
 */
package io.jenkins.plugins.branchdeploy.engine.lifecycle;
