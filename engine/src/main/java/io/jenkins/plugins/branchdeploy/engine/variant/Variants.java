package io.jenkins.plugins.branchdeploy.engine.variant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.VariantOf;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranch;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.database.SeedConnections;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.shaping.EnvironmentShaping;
import io.jenkins.plugins.branchdeploy.engine.shaping.ShapedManifests;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates variants: copies of a live environment with overrides, under names of their own. The copy
 * is made from what the source's last deploy applied, read live; then it takes a deploy's path
 * ({@code EnvironmentDeploys#deployVariant}). Extend, wake, scale down and tear down a variant as any
 * environment ({@code EnvironmentRef.of(environment)}); cleanup removes it when its time to live runs out.
 */
public final class Variants {

    /** The statuses a source may have: a copy of a failed or unfinished deploy would not be worth sharing. */
    private static final List<EnvironmentStatus> COPYABLE = List.of(EnvironmentStatus.READY, EnvironmentStatus.SCALED_DOWN);

    private final BranchEnvironments environments;
    private final DatabaseBranches databases;

    public Variants(BranchEnvironments environments) {
        this(environments, null);
    }

    private Variants(BranchEnvironments environments, DatabaseBranches databases) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.databases = databases;
    }

    /** With the PostgreSQL server of the environments' database branches: a variant of a source with one gets a copy. */
    public Variants withDatabases(DatabaseBranches newDatabases) {
        return new Variants(environments, newDatabases);
    }

    /**
     * Creates the variant, or updates it when it exists (a variant of the same name is copied afresh).
     * Nothing is written before the source is found, the copy made and every override matched.
     *
     * @return the outcome; a deploy that fails leaves the variant marked failed, as any deploy
     * @throws InvalidInputException for bad input: an unknown source or override, a bad name
     */
    public VariantResult create(VariantRequest request, ProgressListener progress) {
        EnvironmentNames names = environments.variantNames(request.app(), request.name());
        Environment source = source(request);
        List<HasMetadata> live = environments.inventory().liveResources(EnvironmentRef.of(source), progress);
        List<ObjectTree> copy = LiveCopy.of(live, source.namespace(), host(source.url()), names);
        if (copy.stream().noneMatch(o -> o.podSpec() != null)) {
            // e.g. an environment Argo CD applies: its workloads are Argo CD's, not in the engine's record
            throw new InvalidInputException(request.sourceEnvironment() == null ? "from" : "environment", request.describeSource()
                    + " records no workload that the engine applied, so there is nothing to copy; copy an environment deployed directly");
        }
        request.overrides().applyTo(copy);
        if (source.databaseBranch() != null) {
            copy.removeIf(o -> "Secret".equals(o.kind()) && DatabaseBranch.SECRET_NAME.equals(o.name()));
        }
        // the source's webhook route is its path on the app's webhook host: a copy would claim that path too
        copy.removeIf(o -> Webhooks.ROUTE_NAME.equals(o.name()));
        List<RenderedManifest> manifests = copy.stream()
                .map(o -> new RenderedManifest(o.toResource(), "copied from " + source.namespace())).toList();
        DeployRequest deploy = DeployRequest.builder(recordedBranch(source), null)
                .quota(Quota.DEFAULT.with("quota", Quota.AUTO)).ttl(request.ttl()).timeout(request.timeout())
                .keepLoadBalancers(true).build();
        ShapedManifests shaped = EnvironmentShaping.shape(manifests, null, true, deploy.quota(), names, Map.of());
        if (source.databaseBranch() != null) {
            deploy = withDatabase(deploy, source, names, progress);
        }
        progress.info("Copying " + request.describeSource() + " (" + source.namespace() + ") into variant " + names.environment()
                + (request.overrides().isEmpty() ? "" : " with " + describe(request.overrides())));
        // a variant belongs to the source's project: its page lists it, and who may change the source may change it
        BranchEnvironments owned = source.owner() == null || environments.owner().isPresent() ? environments
                : environments.ownedBy(source.owner());
        DeployResult result = owned.deploys().deployVariant(names, deploy, shaped,
                new VariantOf(source.environment(), request.createdBy()), progress);
        Environment recorded = environments.inventory().find(names.app(), names.environment()).orElse(null);
        return new VariantResult(names, source, request.createdBy(), recorded == null ? null : recorded.expiresAt(), result);
    }

    private Environment source(VariantRequest request) {
        if (request.sourceBranch() != null) {
            Environment found = environments.inventory().find(request.sourceBranch()).orElseThrow(() -> new InvalidInputException(
                    request.sourceBranch().change() == null ? "from" : "change", request.describeSource() + " of app " + request.app()
                            + " has no environment; deploy it first, or check the app, branch and pull request number"));
            return copyable(found, request);
        }
        Environment found = environments.inventory().find(request.app(), request.sourceEnvironment())
                .orElseThrow(() -> new InvalidInputException("environment", "app " + request.app() + " has no environment "
                        + request.sourceEnvironment() + "; 'branch-deploy list' shows the environment ids"));
        return copyable(found, request);
    }

    private static Environment copyable(Environment source, VariantRequest request) {
        if (!COPYABLE.contains(source.status())) {
            throw new InvalidInputException(request.sourceEnvironment() == null ? "from" : "environment", request.describeSource()
                    + " is " + (source.status() == null ? "of unknown status" : source.status().value())
                    + "; copy an environment that is ready (or scaled down), e.g. after its next deploy");
        }
        return source;
    }

    /** The variant's own copy of the source's current database (the template strategy), with its own role and password. */
    private DeployRequest withDatabase(DeployRequest deploy, Environment source, EnvironmentNames names, ProgressListener progress) {
        if (databases == null) {
            throw new InvalidInputException("database", "the source environment has database branch " + source.databaseBranch()
                    + ", and the variant needs a copy of its own; give the admin connection of its PostgreSQL server");
        }
        if (databases.isSchema(source.databaseBranch())) {
            throw new InvalidInputException("database", "the source environment's database branch " + source.databaseBranch()
                    + " is a schema in the admin connection's database, and a variant copies a whole database; copy an "
                    + "environment whose database branch is a database of its own (strategy template:SEED)");
        }
        // the source's app is connected to its database, and PostgreSQL copies only a database nobody is connected to
        DatabaseStrategy.Template template = new DatabaseStrategy.Template(source.databaseBranch(), SeedConnections.TERMINATE,
                DatabaseStrategy.DEFAULT_SEED_WAIT);
        // a variant tried again keeps its role's password, so that its running pods keep connecting
        String password = environments.inventory().find(names.app(), names.environment())
                .map(v -> environments.inventory().secretValues(EnvironmentRef.of(v), DatabaseBranch.SECRET_NAME, progress).get("PGPASSWORD"))
                .orElse(null);
        DatabaseBranch branch = databases.provision(names, template, password, progress);
        return deploy.withDatabaseBranch(branch.name(), branch.secretEntries());
    }

    /** What the variant records as its branch: the source's, so that a list says what code it runs. */
    private static BranchRef recordedBranch(Environment source) {
        String branch = source.branch() == null || source.branch().isBlank() ? source.environment() : source.branch();
        return new BranchRef(source.app(), branch, null, source.commit());
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(VariantOverrides overrides) {
        StringBuilder out = new StringBuilder();
        overrides.images().forEach((container, image) -> out.append(out.isEmpty() ? "" : ", ").append("image ").append(container)
                .append("=").append(image));
        overrides.env().forEach(e -> out.append(out.isEmpty() ? "" : ", ").append("env ").append(e.workload()).append(":").append(e.key()));
        overrides.set().keySet().forEach(key -> out.append(out.isEmpty() ? "" : ", ").append("set ").append(key));
        return out.toString();
    }
}
