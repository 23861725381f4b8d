/**
 * How Jenkins feeds the environment lifecycle: periodic cleanup with the source-control state of the
 * multibranch projects, and an immediate teardown when a branch job is deleted or its head removed.
 */
package io.jenkins.plugins.branchdeploy.lifecycle;
