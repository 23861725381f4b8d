package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a branch's environment is compared with in its change report: main, either as a reference
 * namespace's live resources or as main's manifests rendered from a directory.
 */
public sealed interface ChangeBaseline {

    /** How the report names the baseline, e.g. {@code namespace production}. */
    String describe();

    /**
     * The baseline a user asked for: a namespace or main's manifests, at most one of them.
     *
     * @param namespace a namespace whose live resources stand for main, or {@code null} or blank
     * @param manifests main's manifests, or {@code null}
     * @return the baseline, or {@code null} when neither is given (no change report)
     */
    static ChangeBaseline of(String namespace, Path manifests) {
        boolean named = namespace != null && !namespace.isBlank();
        if (named && manifests != null) {
            throw new InvalidInputException("baseline-namespace", "give either a baseline namespace or baseline manifests, not both");
        }
        if (named) {
            return new Namespace(namespace.trim());
        }
        return manifests == null ? null : new Manifests(manifests);
    }

    /**
     * A reference environment's live resources: production, or the main branch's environment. Only
     * read, so it need not be this installation's. Compared with the branch environment's live
     * resources (like with like).
     *
     * @param namespace the namespace, e.g. {@code production}
     */
    record Namespace(String namespace) implements ChangeBaseline {

        public Namespace {
            if (namespace == null || namespace.isBlank()) {
                throw new InvalidInputException("baseline-namespace", "is empty; give the namespace of main, e.g. production");
            }
        }

        @Override
        public String describe() {
            return "namespace " + namespace;
        }
    }

    /**
     * The same app's environment of the branch that the deployed branch targets ({@code main}, or a
     * pull request's target): what a change report compares with when none is given. Compared live
     * with live, each side's own host, URL, branch and namespace as placeholders.
     *
     * @param target the target branch of the same app
     * @param namespace its environment's namespace
     */
    record TargetEnvironment(BranchRef target, String namespace) implements ChangeBaseline {

        public TargetEnvironment {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(namespace, "namespace");
        }

        @Override
        public String describe() {
            return target.branch() + "'s environment (namespace " + namespace + ")";
        }
    }

    /**
     * Main's manifests, rendered with the branch's variables into the branch's namespace, so that
     * only what the manifests say differs. Compared with the branch's rendered manifests.
     *
     * @param directory a directory (searched recursively) or one file, e.g. a checkout of main
     */
    record Manifests(Path directory) implements ChangeBaseline {

        public Manifests {
            Objects.requireNonNull(directory, "directory");
            if (!Files.exists(directory)) {
                throw new InvalidInputException("baseline-manifests", directory
                        + " does not exist; give the directory of main's manifests, e.g. a checkout of main");
            }
        }

        @Override
        public String describe() {
            return "main's manifests in " + directory;
        }
    }
}
