package io.jenkins.plugins.branchdeploy.overview;

import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a Branch deployments page lists: one section per configured cluster, its environments grouped
 * by project, then by app and branch. A cluster that cannot be read says why and hides no other.
 */
final class EnvironmentListing {

    private static final Logger LOGGER = Logger.getLogger(EnvironmentListing.class.getName());

    private static final Comparator<Environment> BY_PROJECT_APP_AND_BRANCH = Comparator
            .comparing(Environment::owner, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Environment::app, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Environment::branch, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    private EnvironmentListing() {}

    /**
     * @param listed the environments the page shows
     * @param changeable those the current user may change
     */
    static List<ClusterEnvironments> list(Predicate<Environment> listed, Predicate<Environment> changeable) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        Instant now = Instant.now();
        List<ClusterEnvironments> sections = new ArrayList<>();
        for (ClusterConfig cluster : config.getClusters()) {
            try (ClusterSession session = ClusterSession.open(config, cluster)) {
                List<EnvironmentRow> rows = session.environments().inventory().all().stream()
                        .filter(listed)
                        .sorted(BY_PROJECT_APP_AND_BRANCH)
                        .map(e -> new EnvironmentRow(cluster.getName(), e, now, changeable.test(e)))
                        .toList();
                sections.add(new ClusterEnvironments(cluster.getName(), rows, null));
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "cannot list the environments on " + cluster, e);
                sections.add(new ClusterEnvironments(cluster.getName(), List.of(), e.getMessage()));
            }
        }
        return sections;
    }
}
