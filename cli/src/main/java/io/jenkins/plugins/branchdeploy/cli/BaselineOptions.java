package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.deploy.ChangeBaseline;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a change report compares the branch with: a reference namespace, or main's manifests. */
public class BaselineOptions {

    @Option(names = "--baseline-namespace", paramLabel = "NS",
            description = "Compare with the live resources of this namespace (production, or main's environment).")
    String namespace;

    @Option(names = "--baseline-manifests", paramLabel = "DIR",
            description = "Compare with main's manifests in this directory, rendered like the branch's.")
    Path manifests;

    /** The baseline, or {@code null} when neither option was given. */
    ChangeBaseline baseline() {
        return ChangeBaseline.of(namespace, manifests);
    }
}
