package io.jenkins.plugins.branchdeploy.engine.variant;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a user asks for one variant: the app, the live environment to copy (a branch's, a pull
 * request's, or any environment by its id), the variant's name, the overrides, the time to live and
 * who asks. Built from what the user typed with {@link #builder}, which holds the defaults.
 *
 * @param sourceBranch the branch or pull request whose environment is copied, or {@code null}
 * @param sourceEnvironment the environment id of the environment copied, or {@code null}
 * @param createdBy who creates it, or {@code null}
 */
public record VariantRequest(String app, BranchRef sourceBranch, String sourceEnvironment, String name,
        VariantOverrides overrides, Duration ttl, Duration timeout, String createdBy) {

    /** A variant's time to live as users write it: a variant is for a look and a share, not for weeks. */
    public static final String DEFAULT_TTL_TEXT = "1d";
    public static final Duration DEFAULT_TTL = Durations.parse("ttl", DEFAULT_TTL_TEXT);

    public VariantRequest {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
        if ((sourceBranch == null) == (sourceEnvironment == null)) {
            throw new InvalidInputException("from", "give exactly one source: a branch (--from main), a pull request (--change 42) "
                    + "or an environment id (--environment pr-42)");
        }
        overrides = overrides == null ? VariantOverrides.NONE : overrides;
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        timeout = timeout == null ? DeployRequest.DEFAULT_TIMEOUT : timeout;
    }

    /** The source as words, e.g. {@code branch main}, {@code pull request #42}, {@code environment try-x}. */
    public String describeSource() {
        if (sourceEnvironment != null) {
            return "environment " + sourceEnvironment;
        }
        return sourceBranch.changeRequest().map(c -> "pull request #" + c.number()).orElse("branch " + sourceBranch.branch());
    }

    /**
     * A request for a variant of {@code app} named {@code name}, from the text a user typed; every
     * value left unset takes its default.
     */
    public static Builder builder(String app, String name) {
        return new Builder(app, name);
    }

    /** Sets what the user typed, as text; {@code null} or blank leaves a value unset. */
    public static final class Builder {
        private final String app;
        private final String name;
        private String from;
        private String change;
        private String environment;
        private final List<String> images = new ArrayList<>();
        private final List<String> env = new ArrayList<>();
        private final List<String> set = new ArrayList<>();
        private String ttl;
        private String timeout;
        private String createdBy;

        private Builder(String app, String name) {
            if (app == null || app.isBlank()) {
                throw new InvalidInputException("app", "is empty; give the application name, e.g. --app shop");
            }
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("name", "is empty; give the variant a short name, e.g. --name pricing-v2");
            }
            this.app = app.trim();
            this.name = name.trim();
        }

        /** The branch whose environment is copied, e.g. {@code main}. */
        public Builder from(String value) {
            from = blankToNull(value);
            return this;
        }

        /** The pull request whose environment is copied, e.g. {@code 42}. */
        public Builder change(String value) {
            change = blankToNull(value);
            return this;
        }

        /** The id of the environment copied, e.g. {@code pr-42} or {@code try-pricing-v2}. */
        public Builder environment(String value) {
            environment = blankToNull(value);
            return this;
        }

        /** {@code CONTAINER=IMAGE} entries. */
        public Builder images(List<String> values) {
            images.addAll(values);
            return this;
        }

        /** {@code WORKLOAD:KEY=VALUE} entries. */
        public Builder env(List<String> values) {
            env.addAll(values);
            return this;
        }

        /** {@code KEY=VALUE} entries. */
        public Builder set(List<String> values) {
            set.addAll(values);
            return this;
        }

        /** The time to live, e.g. {@code 3d}; unset for {@value VariantRequest#DEFAULT_TTL_TEXT}. */
        public Builder ttl(String value) {
            ttl = blankToNull(value);
            return this;
        }

        /** The rollout timeout, e.g. {@code 5m}; unset for the deploy's default. */
        public Builder timeout(String value) {
            timeout = blankToNull(value);
            return this;
        }

        public Builder createdBy(String value) {
            createdBy = blankToNull(value);
            return this;
        }

        /** @throws InvalidInputException naming the field of the first problem */
        public VariantRequest build() {
            int sources = (from == null ? 0 : 1) + (change == null ? 0 : 1) + (environment == null ? 0 : 1);
            if (sources != 1) {
                throw new InvalidInputException("from", (sources == 0 ? "no source given" : "more than one source given")
                        + "; give exactly one: a branch (--from main), a pull request (--change 42) or an environment id (--environment pr-42)");
            }
            BranchRef branch = null;
            if (from != null) {
                branch = BranchRef.of(app, from);
            } else if (change != null) {
                int number = ChangeRequest.parseNumber(change);
                branch = BranchRef.of(app, "pr-" + number).withChange(ChangeRequest.of(number));
            }
            return new VariantRequest(app, branch, environment, name, VariantOverrides.parse(images, env, set),
                    ttl == null ? null : Durations.parse("ttl", ttl), timeout == null ? null : Durations.parse("timeout", timeout),
                    createdBy);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
