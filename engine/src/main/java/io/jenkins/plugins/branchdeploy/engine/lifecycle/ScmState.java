package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What source control says about every app, keyed by app slug (the value of the {@code app} label),
 * and about every project that owns environments (the {@code owner} annotation). An environment is
 * judged by its owner's branches when its owner is reported, whatever app it was deployed as, else
 * by its app's; an app that was not reported is in unknown state.
 */
public final class ScmState {

    private final Map<String, AppScan> apps;
    private final Map<String, AppScan> projects;
    private final AppScan.Unknown notReported;

    private ScmState(Map<String, AppScan> apps, Map<String, AppScan> projects, String notReportedReason) {
        this.apps = Map.copyOf(apps);
        this.projects = Map.copyOf(projects);
        this.notReported = new AppScan.Unknown(notReportedReason);
    }

    /**
     * @param notReportedReason why an app missing from this state is unknown, e.g. {@code not in
     *     the live-state file live.json}
     */
    public static Builder builder(String notReportedReason) {
        return new Builder(Objects.requireNonNull(notReportedReason, "notReportedReason"));
    }

    /** The state of an app by its slug; an app that was not reported is unknown. */
    public AppScan app(String appSlug) {
        return apps.getOrDefault(appSlug, notReported);
    }

    /** The state an environment is judged by: its owner's when reported, else its app's. */
    public AppScan of(Environment environment) {
        AppScan project = environment.owner() == null ? null : projects.get(environment.owner());
        return project != null ? project : app(environment.app());
    }

    /** Collects the state app by app; app names are matched by their slug, as the label holds it. */
    public static final class Builder {

        private final Map<String, AppScan> apps = new HashMap<>();
        private final Map<String, AppScan> projects = new HashMap<>();
        private final Map<String, String> originalNames = new HashMap<>();
        private final String notReportedReason;

        private Builder(String notReportedReason) {
            this.notReportedReason = notReportedReason;
        }

        public Builder scanned(String app, Set<String> branches, Map<Integer, ChangeState> changes) {
            return put(app, new AppScan.Scanned(branches, changes));
        }

        public Builder unknown(String app, String reason) {
            return put(app, new AppScan.Unknown(reason));
        }

        /**
         * What the project that owns environments says, by the name deploys record as their owner:
         * it judges its environments whatever app they were deployed as.
         */
        public Builder scannedProject(String owner, Set<String> branches, Map<Integer, ChangeState> changes) {
            projects.put(Objects.requireNonNull(owner, "owner"), new AppScan.Scanned(branches, changes));
            return this;
        }

        public Builder unknownProject(String owner, String reason) {
            projects.put(Objects.requireNonNull(owner, "owner"), new AppScan.Unknown(reason));
            return this;
        }

        private Builder put(String app, AppScan scan) {
            String slug = NamingPolicy.appSlug(app);
            String earlier = originalNames.putIfAbsent(slug, app);
            if (earlier != null) {
                throw new InvalidInputException("app", "'" + earlier + "' and '" + app + "' are the same app " + slug
                        + "; report each app once");
            }
            apps.put(slug, scan);
            return this;
        }

        public ScmState build() {
            return new ScmState(apps, projects, notReportedReason);
        }
    }
}
