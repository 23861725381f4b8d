package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What source control says about every app, keyed by app slug (the value of the {@code app} label).
 * An app that was not reported is in unknown state.
 */
public final class ScmState {

    private final Map<String, AppScan> apps;
    private final AppScan.Unknown notReported;

    private ScmState(Map<String, AppScan> apps, String notReportedReason) {
        this.apps = Map.copyOf(apps);
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

    /** Collects the state app by app; app names are matched by their slug, as the label holds it. */
    public static final class Builder {

        private final Map<String, AppScan> apps = new HashMap<>();
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
            return new ScmState(apps, notReportedReason);
        }
    }
}
