package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import java.util.Map;

/**
 * A branch of the example shop the sandbox deploys, with the image tag its manifests get
 * ({@code ${IMAGE_TAG}}): what makes its change report differ from main's.
 *
 * @param ref the branch, pull request and commit
 * @param imageTag the value of {@code IMAGE_TAG}
 */
public record ExampleBranch(BranchRef ref, String imageTag) {

    public static final String APP = "shop";

    public static final ExampleBranch MAIN = new ExampleBranch(BranchRef.of(APP, "main").withCommit("9f3c2a1"), "1.4.2");
    public static final ExampleBranch FEATURE = new ExampleBranch(BranchRef.of(APP, "feature/checkout").withCommit("4b7e0d2"), "1.5.0");
    public static final ExampleBranch PULL_REQUEST = new ExampleBranch(
            BranchRef.of(APP, "feature/search").withChange(ChangeRequest.of(42)).withCommit("c81f5e9"), "1.4.3");

    /** How the walk-through calls it: {@code main}, {@code branch feature/checkout}, {@code pull request #42 (feature/search)}. */
    public String describe() {
        if (ref.changeRequest().isPresent()) {
            return "pull request #" + ref.changeRequest().get().number() + " (" + ref.branch() + ")";
        }
        return ref.branch().equals("main") ? "main" : "branch " + ref.branch();
    }

    /** The manifests' own variables. */
    public Map<String, String> variables() {
        return Map.of("IMAGE_TAG", imageTag);
    }
}
