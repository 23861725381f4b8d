package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import org.springframework.security.access.AccessDeniedException;

/**
 * The job and build an environment's {@code deployed-by} annotation names ({@link Run#getExternalizableId()},
 * e.g. {@code team/shop/PR-42#7}), as far as the current user may see them: a deleted build still
 * links to its job, and what the user may not read is not shown at all.
 */
public final class DeployedBy {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final Job<?, ?> job;
    private final Run<?, ?> build;

    private DeployedBy(Job<?, ?> job, Run<?, ?> build) {
        this.job = job;
        this.build = build;
    }

    /** @return {@code null} when nothing is recorded or the user can see neither the job nor the build */
    @CheckForNull
    static DeployedBy resolve(@CheckForNull String id) {
        return resolve(JENKINS, id);
    }

    /** As {@link #resolve(String)}, finding the job with {@code jenkins}. */
    @CheckForNull
    static DeployedBy resolve(JenkinsFacade jenkins, @CheckForNull String id) {
        int hash = id == null ? -1 : id.lastIndexOf('#');
        if (hash <= 0) {
            return null;
        }
        try {
            Job<?, ?> job = jenkins.getItemByFullName(id.substring(0, hash), Job.class);
            if (job == null) {
                return null;
            }
            return new DeployedBy(job, Run.fromExternalizableId(id));
        } catch (IllegalArgumentException | AccessDeniedException e) {
            return null;
        }
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** The build, or {@code null} when it has been deleted. */
    @CheckForNull
    public Run<?, ?> getBuild() {
        return build;
    }
}
