package io.jenkins.plugins.branchdeploy.overview;

import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.InstallationTeardowns;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranchException;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;

/**
 * The changes a Branch deployments page or a build page makes to one environment: tear down, extend,
 * wake, scale down, and sending its app's webhooks to it. Each reads the environment as the cluster
 * records it now (never as the form claims), refuses one the page does not list, lets the page check
 * the user's permission on it, and acts as the project that owns it, so that the engine refuses
 * another project's environment as well.
 */
final class EnvironmentChanges {

    private static final Logger LOGGER = Logger.getLogger(EnvironmentChanges.class.getName());

    private final Predicate<Environment> listed;
    private final Consumer<Environment> checkPermission;

    /**
     * @param listed the environments the page lists; any other is answered as absent
     * @param checkPermission throws {@code AccessDeniedException} when the user may not change the environment
     */
    EnvironmentChanges(Predicate<Environment> listed, Consumer<Environment> checkPermission) {
        this.listed = listed;
        this.checkPermission = checkPermission;
    }

    /**
     * Tears the environment down (a manual teardown in the metrics) and drops its database branch
     * where configured, through the installation's gate: a held teardown shows as held on the page,
     * a dry run answers with what it would have done.
     */
    HttpResponse teardown(String cluster, String namespace) {
        return change(cluster, namespace, true, (config, environments, environment) -> {
            SettingsResolver settings = new SettingsResolver(config);
            InstallationTeardowns.GatedTeardown teardown = InstallationTeardowns.get().tearDown(cluster.trim(), settings.deployer(environments),
                    environment, TeardownCause.MANUAL, "a person asked for it on a Branch deployments page", settings.cleanupPolicy(),
                    progress());
            LOGGER.info(teardown.message());
            return teardown.result() == InstallationTeardowns.GatedTeardown.Result.DRY_RUN
                    ? HttpResponses.errorWithoutStack(409, teardown.message()) : HttpResponses.redirectToDot();
        });
    }

    HttpResponse extend(String cluster, String namespace, String by) {
        Duration extension;
        try {
            extension = Durations.parse("by", by);
        } catch (InvalidInputException e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
        }
        return change(cluster, namespace, false, (config, environments, environment) -> {
            environments.lifecycle().extend(EnvironmentRef.of(environment), extension);
            return HttpResponses.redirectToDot();
        });
    }

    /** Scales the environment to zero by hand: cleanup does not wake it, the next deploy or wake does. */
    HttpResponse scaleDown(String cluster, String namespace) {
        return change(cluster, namespace, false, (config, environments, environment) -> {
            environments.lifecycle().scaleDown(EnvironmentRef.of(environment), ScaleDownCause.MANUAL, progress());
            return HttpResponses.redirectToDot();
        });
    }

    HttpResponse wake(String cluster, String namespace) {
        return change(cluster, namespace, false, (config, environments, environment) -> {
            environments.lifecycle().wake(EnvironmentRef.of(environment), progress());
            return HttpResponses.redirectToDot();
        });
    }

    /**
     * Sends the bare webhook host of the environment's app to the environment: one update of the app's
     * default webhook route.
     *
     * @param done the answer once it is done, e.g. back to the page
     */
    HttpResponse sendWebhooksHere(String cluster, String namespace, HttpResponse done) {
        return change(cluster, namespace, false, (config, environments, environment) -> {
            environments.webhooks().route(EnvironmentRef.of(environment), progress());
            return done;
        });
    }

    @FunctionalInterface
    private interface Change {
        HttpResponse apply(BranchDeployConfiguration config, BranchEnvironments environments, Environment environment);
    }

    /** @param absentIsDone whether a missing environment counts as success (a teardown) rather than 404 */
    private HttpResponse change(String cluster, String namespace, boolean absentIsDone, Change change) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        try (ClusterSession session = ClusterSession.open(config, named(config, cluster))) {
            Optional<Environment> environment = session.find(namespace).filter(listed);
            if (environment.isEmpty()) {
                return absentIsDone ? HttpResponses.redirectToDot() : HttpResponses.errorWithoutStack(404,
                        "No environment in namespace '" + namespace + "' on cluster '" + cluster + "' is listed on this page");
            }
            checkPermission.accept(environment.get());
            BranchEnvironments environments = environment.get().owner() == null
                    ? session.environments() : session.environments().ownedBy(environment.get().owner());
            return change.apply(config, environments, environment.get());
        } catch (DatabaseBranchException e) {
            return HttpResponses.errorWithoutStack(500, "The namespace is gone, but its database branch was not dropped: "
                    + e.getMessage());
        } catch (RefusedException e) {
            return Refusals.response(e);
        }
    }

    /** The cluster a form names; unlike a step, a form must name one. */
    private static ClusterConfig named(BranchDeployConfiguration config, String cluster) {
        if (cluster == null || cluster.isBlank()) {
            throw new InvalidInputException("cluster", "is empty; name the cluster the environment is on");
        }
        return new SettingsResolver(config).cluster(cluster);
    }

    private static ProgressListener progress() {
        return LOGGER::info;
    }
}
