package io.jenkins.plugins.branchdeploy.overview;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewMetrics;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jenkins.branch.MultiBranchProject;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * "Branch deployments" on a folder or multibranch project: the environments its projects own, for
 * anyone who may read it, with extend, wake, scale down, tear down and "Send webhooks here" for those
 * who may configure the project that owns the environment (see docs/configuration.md, "Who may do what").
 */
public final class ProjectDeploymentsAction implements Action {

    /** The plugin's own symbol (Ionicons' git-branch), for its pages and links. */
    static final String SYMBOL = "symbol-branch-deployments plugin-branch-deploy";

    private final AbstractFolder<?> folder;
    private final EnvironmentChanges changes;

    ProjectDeploymentsAction(AbstractFolder<?> folder) {
        this.folder = folder;
        this.changes = new EnvironmentChanges(this::isListed, this::checkChange);
    }

    public AbstractFolder<?> getFolder() {
        return folder;
    }

    @Override
    public String getIconFileName() {
        return folder.hasPermission(Item.READ) ? SYMBOL : null;
    }

    @Override
    public String getDisplayName() {
        return "Branch deployments";
    }

    @Override
    public String getUrlName() {
        return "branch-deployments";
    }

    public List<ClusterEnvironments> getClusters() {
        folder.checkPermission(Item.READ);
        return EnvironmentListing.list(this::isListed, this::mayChange);
    }

    /**
     * The review metrics of the apps this project deploys as: its own name (the default app) and the
     * apps of its environments, each that has a pull request counted.
     */
    public List<ReviewFigures> getReviewFigures() {
        folder.checkPermission(Item.READ);
        Map<String, ReviewMetrics> byApp = ReviewMetrics.byApp(MetricsFile.store().read().changes());
        Set<String> apps = new TreeSet<>();
        if (folder instanceof MultiBranchProject<?, ?> project) {
            apps.add(BranchJobs.app(project));
        }
        getClusters().forEach(section -> section.getEnvironments().forEach(row -> apps.add(row.getApp())));
        return apps.stream().filter(byApp::containsKey).map(app -> new ReviewFigures(app, byApp.get(app))).toList();
    }

    /** "Try a variant", relative to Jenkins' root URL; {@code null} when the user may not create variants. */
    @CheckForNull
    public String getTryVariantUrl() {
        return TryVariantAction.mayCreate() ? TryVariantAction.URL + "/" : null;
    }

    @RequirePOST
    public HttpResponse doTeardown(@QueryParameter String cluster, @QueryParameter String namespace) {
        folder.checkPermission(Item.READ);
        return changes.teardown(cluster, namespace);
    }

    @RequirePOST
    public HttpResponse doExtend(@QueryParameter String cluster, @QueryParameter String namespace, @QueryParameter String by) {
        folder.checkPermission(Item.READ);
        return changes.extend(cluster, namespace, by);
    }

    @RequirePOST
    public HttpResponse doWake(@QueryParameter String cluster, @QueryParameter String namespace) {
        folder.checkPermission(Item.READ);
        return changes.wake(cluster, namespace);
    }

    @RequirePOST
    public HttpResponse doScaleDown(@QueryParameter String cluster, @QueryParameter String namespace) {
        folder.checkPermission(Item.READ);
        return changes.scaleDown(cluster, namespace);
    }

    @RequirePOST
    public HttpResponse doSendWebhooksHere(@QueryParameter String cluster, @QueryParameter String namespace) {
        folder.checkPermission(Item.READ);
        return changes.sendWebhooksHere(cluster, namespace, HttpResponses.redirectToDot());
    }

    /** The environments of this project, or of the projects inside this folder. */
    private boolean isListed(Environment environment) {
        String owner = environment.owner();
        String project = folder.getFullName();
        return owner != null && (owner.equals(project) || owner.startsWith(project + "/"));
    }

    private boolean mayChange(Environment environment) {
        return owningItem(environment).hasPermission(Item.CONFIGURE);
    }

    private void checkChange(Environment environment) {
        owningItem(environment).checkPermission(Item.CONFIGURE);
    }

    /** The project that owns the environment, else (deleted, or hidden from the user) this folder. */
    private Item owningItem(Environment environment) {
        Item owner = Projects.visible(environment.owner());
        return owner == null ? folder : owner;
    }

    /** Adds the page to every folder and multibranch project once a cluster is configured. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<AbstractFolder> {

        @Override
        public Class<AbstractFolder> type() {
            return AbstractFolder.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull AbstractFolder target) {
            return BranchDeployConfiguration.get().getClusters().isEmpty()
                    ? List.of() : List.of(new ProjectDeploymentsAction((AbstractFolder<?>) target));
        }
    }
}
