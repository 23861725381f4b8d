package io.jenkins.plugins.branchdeploy.engine.smoke;

import java.util.List;

/**
 * The smoke checks of one deploy and the verdict: the deploy passes unless a check that is not
 * advisory failed.
 *
 * @param results one result per check, in file order
 */
public record SmokeReport(List<SmokeResult> results) {

    public SmokeReport {
        results = List.copyOf(results);
    }

    /** Whether every check that is not advisory passed. */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** The failed checks that fail the deploy. */
    public List<SmokeResult> failures() {
        return results.stream().filter(r -> !r.passed() && !r.advisory()).toList();
    }

    /** The failed checks that only warn. */
    public List<SmokeResult> advisoryFailures() {
        return results.stream().filter(r -> !r.passed() && r.advisory()).toList();
    }

    /** One line: {@code Smoke tests passed: 3 of 4 checks passed, 1 advisory check failed}. */
    public String summary() {
        long passedCount = results.stream().filter(SmokeResult::passed).count();
        String line = "Smoke tests " + (passed() ? "passed" : "failed") + ": " + passedCount + " of " + results.size()
                + " checks passed";
        int advisory = advisoryFailures().size();
        return advisory == 0 ? line : line + ", " + advisory + " advisory " + (advisory == 1 ? "check" : "checks") + " failed";
    }
}
