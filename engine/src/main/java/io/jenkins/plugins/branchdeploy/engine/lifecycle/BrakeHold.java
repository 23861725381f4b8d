package io.jenkins.plugins.branchdeploy.engine.lifecycle;

/**
 * A safety brake that stopped teardowns in this run; the held environments wait for the next run.
 *
 * @param brake the setting, {@code max-teardowns-per-run} or {@code max-teardown-percent}
 * @param allowed how many teardowns the brake lets through
 * @param wanted how many teardowns the rules asked for
 * @param description the brake and its effect in words
 */
public record BrakeHold(String brake, int allowed, int wanted, String description) {}
