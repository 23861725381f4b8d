package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.cluster.VariantOf;
import java.time.Instant;

/** Inventory entries for tests: a ready environment of app shop, changed one field at a time. */
final class EnvironmentBuilder {

    private String namespace;
    private String app = "shop";
    private String environment;
    private String branch;
    private Integer change;
    private EnvironmentStatus status = EnvironmentStatus.READY;
    private Instant createdAt;
    private Instant deployedAt;
    private Instant expiresAt;
    private Instant keepUntil;
    private ScaleDownCause scaledDownBy;
    private String owner;
    private VariantOf variant;

    static EnvironmentBuilder branch(String branch) {
        EnvironmentBuilder b = new EnvironmentBuilder();
        b.branch = branch;
        b.environment = branch.replaceAll("[^a-z0-9]+", "-");
        b.namespace = "shop-" + b.environment;
        return b;
    }

    static EnvironmentBuilder change(int number, String branch) {
        EnvironmentBuilder b = branch(branch);
        b.change = number;
        b.environment = "pr-" + number;
        b.namespace = "shop-pr-" + number;
        return b;
    }

    EnvironmentBuilder app(String value) {
        app = value;
        return this;
    }

    EnvironmentBuilder environmentId(String value) {
        environment = value;
        return this;
    }

    EnvironmentBuilder namespace(String value) {
        namespace = value;
        return this;
    }

    EnvironmentBuilder status(EnvironmentStatus value) {
        status = value;
        return this;
    }

    EnvironmentBuilder created(String at) {
        createdAt = Instant.parse(at);
        return this;
    }

    EnvironmentBuilder deployed(String at) {
        deployedAt = Instant.parse(at);
        return this;
    }

    EnvironmentBuilder expires(String at) {
        expiresAt = Instant.parse(at);
        return this;
    }

    EnvironmentBuilder keepUntil(String at) {
        keepUntil = Instant.parse(at);
        return this;
    }

    /** Scaled down, for this reason. */
    EnvironmentBuilder scaledDownBy(ScaleDownCause cause) {
        status = EnvironmentStatus.SCALED_DOWN;
        scaledDownBy = cause;
        return this;
    }

    /** Deployed by this project ({@code owner} annotation). */
    EnvironmentBuilder owner(String project) {
        owner = project;
        return this;
    }

    /** A variant copied from {@code source}, recording this builder's branch as the source's. */
    EnvironmentBuilder variantOf(String source) {
        variant = new VariantOf(source, "ana");
        return this;
    }

    Environment build() {
        return new Environment(namespace, app, environment, branch, change, "abc123",
                "https://" + environment + "--" + app + ".example.dev", status, createdAt, deployedAt, expiresAt, keepUntil, scaledDownBy,
                owner, null, null, variant);
    }
}
