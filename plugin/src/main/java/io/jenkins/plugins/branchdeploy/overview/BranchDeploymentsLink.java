package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Manage Jenkins » Branch deployments, for administrators: every environment of this Jenkins on
 * every configured cluster, grouped by cluster and project, with extend, wake, scale down and tear
 * down. A teardown here counts as manual in the installation's metrics and drops the database branch
 * where a global database admin credential is configured. Each project's own page is
 * {@link ProjectDeploymentsAction}.
 */
@Extension
public class BranchDeploymentsLink extends ManagementLink {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final EnvironmentChanges changes =
            new EnvironmentChanges(environment -> true, environment -> JENKINS.checkPermission(Jenkins.ADMINISTER));

    @Override
    public String getIconFileName() {
        return ProjectDeploymentsAction.SYMBOL;
    }

    @Override
    public String getDisplayName() {
        return "Branch deployments";
    }

    @Override
    public String getUrlName() {
        return "branch-deployments";
    }

    @Override
    public String getDescription() {
        return "Every live branch and pull request environment on every cluster: extend, wake, scale down or tear down.";
    }

    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    public List<ClusterEnvironments> getClusters() {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return EnvironmentListing.list(environment -> true, environment -> true);
    }

    /** "Try a variant", relative to Jenkins' root URL; {@code null} when the user may not create variants. */
    @CheckForNull
    public String getTryVariantUrl() {
        return TryVariantAction.mayCreate() ? TryVariantAction.URL + "/" : null;
    }

    @RequirePOST
    public HttpResponse doTeardown(@QueryParameter String cluster, @QueryParameter String namespace) {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return changes.teardown(cluster, namespace);
    }

    @RequirePOST
    public HttpResponse doExtend(@QueryParameter String cluster, @QueryParameter String namespace, @QueryParameter String by) {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return changes.extend(cluster, namespace, by);
    }

    @RequirePOST
    public HttpResponse doWake(@QueryParameter String cluster, @QueryParameter String namespace) {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return changes.wake(cluster, namespace);
    }

    @RequirePOST
    public HttpResponse doScaleDown(@QueryParameter String cluster, @QueryParameter String namespace) {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return changes.scaleDown(cluster, namespace);
    }

    @RequirePOST
    public HttpResponse doSendWebhooksHere(@QueryParameter String cluster, @QueryParameter String namespace) {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return changes.sendWebhooksHere(cluster, namespace, HttpResponses.redirectToDot());
    }
}
