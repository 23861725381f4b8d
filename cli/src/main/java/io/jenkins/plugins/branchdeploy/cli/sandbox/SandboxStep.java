package io.jenkins.plugins.branchdeploy.cli.sandbox;

/** One step of the sandbox walk-through: a title, and what it does and shows. */
public interface SandboxStep {

    /** What the step does, e.g. {@code Deploy main, image tag 1.4.2}. */
    String title();

    /**
     * Does the step against the tour's cluster and shows the result through {@link SandboxTour#show(String)}.
     *
     * @throws RuntimeException when the step cannot do what it says; the walk-through stops there
     */
    void run(SandboxTour tour);
}
