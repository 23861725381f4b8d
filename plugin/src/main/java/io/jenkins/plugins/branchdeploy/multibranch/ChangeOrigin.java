package io.jenkins.plugins.branchdeploy.multibranch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import java.io.IOException;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMHeadOrigin;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;

/**
 * Where source control says a build's change comes from, read from the job's head and source,
 * never from the build's environment (which a Jenkinsfile sets with {@code withEnv}): the fork of a
 * pull request ({@link SCMHead#getOrigin()}), and whether the source itself distrusts it (it
 * replaces the change's revision by a trusted one, {@link SCMSource#getTrustedRevision}, as GitHub's
 * "trust" strategies do). The rule that decides is the engine's {@link TrustedForks#allowSecrets(String, boolean)}.
 *
 * @param fork the fork's name as the source gives it (an owner, or owner/repository), or {@code null}
 *     when the change comes from the repository itself, or the build is no pull request
 * @param distrustedBySource whether the source replaces the build's revision by a trusted one
 */
public record ChangeOrigin(@CheckForNull String fork, boolean distrustedBySource) {

    /** Not a pull request of a multibranch project: what its job's configuration says is trusted. */
    private static final ChangeOrigin OWN = new ChangeOrigin(null, false);

    /** Where the change {@code run} builds comes from; a job without a source control head is its own. */
    public static ChangeOrigin of(Run<?, ?> run, TaskListener listener) throws IOException, InterruptedException {
        SCMHead head = SCMHead.HeadByItem.findHead(run.getParent());
        if (!(head instanceof ChangeRequestSCMHead)) {
            return OWN;
        }
        String fork = head.getOrigin() instanceof SCMHeadOrigin.Fork f ? f.getName() : null;
        return new ChangeOrigin(fork, distrusted(run, listener));
    }

    /** Whether the job's source puts a trusted revision in place of the one the build is of. */
    private static boolean distrusted(Run<?, ?> run, TaskListener listener) throws IOException, InterruptedException {
        SCMSource source = SCMSource.SourceByItem.findSource(run.getParent());
        SCMRevision revision = source == null ? null : SCMRevisionAction.getRevision(source, run);
        return revision != null && !source.getTrustedRevision(revision, listener).equals(revision);
    }

    /** Whether the change may get secrets and a database branch under {@code trustedForks}. */
    public boolean allowSecrets(TrustedForks trustedForks) {
        return trustedForks.allowSecrets(fork, distrustedBySource);
    }
}
