package io.jenkins.plugins.branchdeploy.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.jenkinsci.plugins.gitclient.RepositoryCallback;

/**
 * How many commits the workspace's Git checkout is behind the target branch, counted with the Git
 * plugin's client where the workspace is (an agent too): the commits of {@code origin/TARGET} (else the
 * local {@code TARGET}) that {@code HEAD} does not have. Unknown ({@code null}) when the workspace is no
 * Git checkout or has not fetched the target, as a pull request checkout that fetched only its own
 * head: then no drift is reported, as before.
 */
final class WorkspaceDrift {

    private WorkspaceDrift() {}

    static Integer commitsBehind(FilePath workspace, String target, TaskListener listener, EnvVars env)
            throws InterruptedException {
        try {
            if (workspace == null || !workspace.child(".git").exists()) {
                return null;
            }
            GitClient git = Git.with(listener, env).in(workspace).getClient();
            return git.withRepository(new CountBehind(target));
        } catch (IOException | GitException e) {
            listener.getLogger().println("Drift not counted: " + e.getMessage());
            return null;
        }
    }

    private static final class CountBehind implements RepositoryCallback<Integer> {

        private static final long serialVersionUID = 1L;

        private final String target;

        CountBehind(String target) {
            this.target = target;
        }

        @Override
        public Integer invoke(Repository repository, VirtualChannel channel) throws IOException {
            ObjectId head = repository.resolve("HEAD");
            ObjectId base = repository.resolve("refs/remotes/origin/" + target);
            if (base == null) {
                base = repository.resolve("refs/heads/" + target);
            }
            if (head == null || base == null) {
                return null;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                walk.markStart(walk.parseCommit(base));
                walk.markUninteresting(walk.parseCommit(head));
                int behind = 0;
                while (walk.next() != null) {
                    behind++;
                }
                return behind;
            }
        }
    }
}
