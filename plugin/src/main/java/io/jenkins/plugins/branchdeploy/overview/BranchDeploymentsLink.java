package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranchException;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Manage Jenkins » Branch deployments: every environment of this Jenkins on every configured
 * cluster (app, branch, pull request, URL, status, age, expiry), with tear-down and extend. A
 * tear-down here counts as manual in the installation's metrics and drops the database branch where
 * a global database admin credential is configured.
 */
@Extension
public class BranchDeploymentsLink extends ManagementLink {

    private static final Logger LOGGER = Logger.getLogger(BranchDeploymentsLink.class.getName());

    private static final Comparator<Environment> BY_APP_AND_BRANCH = Comparator
            .comparing(Environment::app, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Environment::branch, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    @Override
    public String getIconFileName() {
        return "symbol-cloud";
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
        return "Every live branch and pull request environment: tear one down or extend its time-to-live.";
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

    /** One section per configured cluster; a cluster that cannot be read says why and hides no other. */
    public List<ClusterEnvironments> getClusters() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        Instant now = Instant.now();
        List<ClusterEnvironments> sections = new ArrayList<>();
        for (ClusterConfig cluster : config.getClusters()) {
            try (ClusterSession session = ClusterSession.open(config, cluster)) {
                List<EnvironmentRow> rows = session.environments().inventory().stream()
                        .sorted(BY_APP_AND_BRANCH)
                        .map(e -> new EnvironmentRow(cluster.getName(), e, now))
                        .toList();
                sections.add(new ClusterEnvironments(cluster.getName(), rows, null));
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "cannot list the environments on " + cluster, e);
                sections.add(new ClusterEnvironments(cluster.getName(), List.of(), e.getMessage()));
            }
        }
        return sections;
    }

    @RequirePOST
    public HttpResponse doTeardown(@QueryParameter String cluster, @QueryParameter String namespace) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        try (ClusterSession session = ClusterSession.open(config, named(config, cluster))) {
            // an environment that is already gone is torn down
            Optional<Environment> environment = session.find(namespace);
            if (environment.isPresent()) {
                config.deployer(session.environments()).teardown(environment.get(), TeardownCause.MANUAL, progress());
            }
            return HttpResponses.redirectToDot();
        } catch (InvalidInputException e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
        } catch (DatabaseBranchException e) {
            return HttpResponses.errorWithoutStack(500, "The namespace is gone, but its database branch was not dropped: "
                    + e.getMessage());
        }
    }

    @RequirePOST
    public HttpResponse doExtend(
            @QueryParameter String cluster, @QueryParameter String namespace, @QueryParameter String by) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        try (ClusterSession session = ClusterSession.open(config, named(config, cluster))) {
            Duration extension = Durations.parse("by", by);
            Optional<Environment> environment = session.find(namespace);
            if (environment.isEmpty()) {
                return HttpResponses.errorWithoutStack(404, "No environment of this Jenkins in namespace '" + namespace
                        + "' on cluster '" + cluster + "'");
            }
            session.environments().extend(environment.get(), extension);
            return HttpResponses.redirectToDot();
        } catch (InvalidInputException e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
        }
    }

    /** The cluster a form names; unlike a step, a form must name one. */
    private static ClusterConfig named(BranchDeployConfiguration config, String cluster) {
        if (cluster == null || cluster.isBlank()) {
            throw new InvalidInputException("cluster", "is empty; name the cluster the environment is on");
        }
        return config.cluster(cluster);
    }

    private static ProgressListener progress() {
        return message -> LOGGER.info(message);
    }
}
