package io.jenkins.plugins.branchdeploy.engine.database;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console, once per test run, how many database tests were skipped for want of a
 * PostgreSQL server and how to get one; otherwise the reason would be only in Surefire's reports.
 * Registered for the engine's and the command line's tests (META-INF/services).
 */
public final class SkippedDatabaseTests implements TestExecutionListener {

    private TestPlan plan;
    private long skipped;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped = 0;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && reason.contains(PostgresServer.VARIABLE)) {
            skipped += test.isTest() ? 1 : plan.getDescendants(test).stream().filter(TestIdentifier::isTest).count();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped > 0) {
            System.out.println("WARNING: " + skipped + " database test" + (skipped == 1 ? " was" : "s were")
                    + " SKIPPED: no PostgreSQL server (" + PostgresServer.VARIABLE + " is not set). "
                    + "Run eval \"$(.ci/postgres.sh)\" first: it starts one on loopback and sets the variable.");
            System.out.flush();
        }
    }
}
