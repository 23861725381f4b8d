package io.jenkins.plugins.branchdeploy.config;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.security.ACL;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchFilter;
import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.BurstBrake;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.WorkingHours;
import io.jenkins.plugins.branchdeploy.engine.naming.DnsNames;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.NetworkIsolation;
import io.jenkins.plugins.branchdeploy.engine.request.NetworkIsolation.NamespaceLabel;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * What the {@link BranchDeployConfiguration} means for the work: the settings of a job (these
 * defaults under its folders' and its own), the configured clusters, the installation id, the
 * deployer for work outside a build and the cleanup policy.
 */
public final class SettingsResolver {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final BranchDeployConfiguration config;

    public SettingsResolver(BranchDeployConfiguration config) {
        this.config = config;
    }

    /** The resolver of this Jenkins' configuration. */
    public static SettingsResolver get() {
        return new SettingsResolver(BranchDeployConfiguration.get());
    }

    /**
     * The settings that hold for {@code job}: these defaults, overridden by each enclosing folder's
     * {@link BranchDeployProperty} from the outermost in, then by the job's {@link BranchDeployJobProperty}.
     *
     * @throws InvalidInputException naming the field when a setting in effect is unusable
     */
    public EffectiveSettings settingsFor(Job<?, ?> job) {
        ProjectSettings merged = defaults();
        for (ProjectSettings layer : layersOf(job)) {
            merged = layer.over(merged);
        }
        return new EffectiveSettings(
                installationId(),
                cluster(merged.getCluster()),
                merged.getDomain(),
                merged.getNamespaceTemplate(),
                merged.getHostTemplate(),
                QuotaInput.of(merged.getQuotaCpu(), merged.getQuotaMemory(), merged.getQuotaPods()),
                Durations.parse("ttl", merged.getTtl()),
                TrustedForks.parse(merged.getTrustedForks()),
                BranchFilter.parse(config.getBranchFilter()),
                merged.getIngressClass(),
                merged.getTlsSecret(),
                allowFromNamespaces(merged.getAllowFromNamespaces()).stream().map(NamespaceLabel::toString).toList(),
                merged.getWebhookHostTemplate(),
                FieldChecks.lines(config.getWebhookIngressAnnotations()),
                merged.getArgoCd());
    }

    /** The global values as the bottom layer of {@link #settingsFor}. */
    private ProjectSettings defaults() {
        ProjectSettings defaults = new ProjectSettings();
        defaults.setDomain(config.getDomain());
        defaults.setNamespaceTemplate(config.getNamespaceTemplate());
        defaults.setHostTemplate(config.getHostTemplate());
        defaults.setTtl(Util.fixEmptyAndTrim(config.getTtl()) == null ? DeployRequest.DEFAULT_TTL_TEXT : config.getTtl());
        defaults.setQuotaCpu(config.getQuotaCpu());
        defaults.setQuotaMemory(config.getQuotaMemory());
        defaults.setQuotaPods(String.valueOf(config.getQuotaPods()));
        defaults.setTrustedForks(config.getTrustedForks());
        defaults.setIngressClass(config.getIngressClass());
        defaults.setTlsSecret(config.getTlsSecret());
        defaults.setAllowFromNamespaces(config.getAllowFromNamespaces());
        defaults.setWebhookHostTemplate(config.getWebhookHostTemplate());
        defaults.setArgoCd(config.getArgoCd());
        return defaults;
    }

    /** The folders' settings from the outermost in, then the job's own. */
    private static List<ProjectSettings> layersOf(Job<?, ?> job) {
        Deque<ProjectSettings> layers = new ArrayDeque<>();
        for (ItemGroup<?> group = job.getParent(); group instanceof AbstractFolder<?> folder; group = folder.getParent()) {
            BranchDeployProperty property = folder.getProperties().get(BranchDeployProperty.class);
            if (property != null) {
                layers.addFirst(property.getSettings());
            }
        }
        BranchDeployJobProperty own = job.getProperty(BranchDeployJobProperty.class);
        if (own != null) {
            layers.addLast(own.getSettings());
        }
        return List.copyOf(layers);
    }

    /**
     * A deployer for work that belongs to no build (periodic cleanup, the Branch deployments page, a
     * deleted branch job): it counts teardowns in the installation's metrics and, when a global
     * database admin credential is configured, drops the database branches of what it tears down.
     *
     * @throws InvalidInputException naming {@code databaseAdminCredentialsId} when that credential is
     *     missing or does not hold an admin connection URL
     */
    public BranchDeployer deployer(BranchEnvironments environments) {
        return new BranchDeployer(environments, MetricsFile.store()).withDatabases(databaseBranches());
    }

    /**
     * The database server the global admin credential (secret text holding the URL) reaches, looked
     * up as the system; {@code null} when none is configured.
     *
     * @throws InvalidInputException naming {@code databaseAdminCredentialsId} when that credential is
     *     missing or does not hold an admin connection URL
     */
    @CheckForNull
    public DatabaseBranches databaseBranches() {
        String id = config.getDatabaseAdminCredentialsId();
        if (id == null) {
            return null;
        }
        StringCredentials admin = databaseAdmin(id);
        if (admin == null) {
            throw new InvalidInputException("databaseAdminCredentialsId", "no secret text credential '" + id
                    + "' is available to Jenkins; add one holding the admin connection URL, or clear the field");
        }
        return new DatabaseBranches(AdminConnection.parse(admin.getSecret().getPlainText()));
    }

    /** A secret text credential of Jenkins itself, looked up as the system; {@code null} when there is none. */
    @CheckForNull
    static StringCredentials databaseAdmin(String id) {
        return CredentialsProvider.findCredentialByIdInItemGroup(id, StringCredentials.class, JENKINS.root(), ACL.SYSTEM2, List.of());
    }

    /**
     * A configured cluster by name; a blank name means the first one.
     *
     * @throws InvalidInputException naming {@code cluster} when there is no such cluster
     */
    public ClusterConfig cluster(@CheckForNull String name) {
        List<ClusterConfig> clusters = config.getClusters();
        if (clusters.isEmpty()) {
            throw new InvalidInputException("cluster",
                    "no cluster is configured; add one under Manage Jenkins » System » Branch deployments");
        }
        if (Util.fixEmptyAndTrim(name) == null) {
            return clusters.get(0);
        }
        return clusters.stream().filter(c -> name.trim().equals(c.getName())).findFirst()
                .orElseThrow(() -> new InvalidInputException("cluster", "'" + name + "' is not a configured cluster; use one of: "
                        + clusters.stream().map(ClusterConfig::getName).collect(Collectors.joining(", "))));
    }

    /**
     * The configured installation id, or one derived from this Jenkins' own identity, stable across restarts.
     *
     * @throws InvalidInputException naming {@code installationId} when the configured one cannot be a label value
     */
    public String installationId() {
        String configured = config.getInstallationId();
        return Util.fixEmptyAndTrim(configured) == null ? derivedInstallationId() : validInstallationId(configured);
    }

    /** An installation id is a label value: a DNS-1123 label keeps it safe in selectors too. */
    static String validInstallationId(String id) {
        String trimmed = id.trim();
        if (!DnsNames.isDns1123Label(trimmed)) {
            throw new InvalidInputException("installationId", "'" + id
                    + "' must be lower-case letters, digits and hyphens (at most 63), e.g. jenkins-prod");
        }
        return trimmed;
    }

    /** {@code jenkins-} and the start of the instance id, which Jenkins keeps in its home directory. */
    static String derivedInstallationId() {
        return "jenkins-" + JENKINS.legacyInstanceId().substring(0, 12);
    }

    /** How long an environment may sit idle before it is scaled to zero; empty for never. */
    public Optional<Duration> idle() {
        String idlePeriod = config.getIdlePeriod();
        return Util.fixEmptyAndTrim(idlePeriod) == null
                ? Optional.empty()
                : Optional.of(Durations.parse("idlePeriod", idlePeriod));
    }

    /**
     * The lifecycle policy periodic cleanup runs with: idle period, working hours, the teardown
     * brakes and dry run; every other teardown no build asks for passes its burst brake and dry run
     * too ({@link InstallationTeardowns}).
     *
     * @throws InvalidInputException naming the field when the idle period, schedule or a brake is malformed
     */
    public CleanupPolicy cleanupPolicy() {
        return CleanupPolicy.defaults()
                .withIdlePeriod(idle().orElse(null))
                .withWorkingHours(workingHours(config.getWorkingHours()))
                .withBrakes(config.getMaxTeardownsPerRun(), config.getMaxTeardownPercent())
                .withBurstBrake(burstBrake())
                .withDryRun(config.isDryRun());
    }

    private BurstBrake burstBrake() {
        if (config.getBurstWindowMinutes() < 1) {
            throw new InvalidInputException("burstWindowMinutes", "must be 1 or more, got " + config.getBurstWindowMinutes());
        }
        if (config.getBurstMaxTeardowns() < 0) {
            throw new InvalidInputException("burstMaxTeardowns", "must be 0 or more, got " + config.getBurstMaxTeardowns());
        }
        return new BurstBrake(config.getBurstMaxTeardowns(), Duration.ofMinutes(config.getBurstWindowMinutes()));
    }

    /**
     * The namespaces besides its own that may reach an environment: the labels, one a line, of
     * {@code allowFromNamespaces}; blank for {@link NetworkIsolation#DEFAULT}'s.
     *
     * @throws InvalidInputException naming {@code allowFromNamespaces} for a line that is not {@code KEY=VALUE}
     */
    static List<NamespaceLabel> allowFromNamespaces(@CheckForNull String lines) {
        try {
            return NetworkIsolation.allowingFrom(lines == null ? List.of() : lines.lines().toList()).allowFrom();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("allowFromNamespaces", e.getMessage().substring(e.getField().length() + 2));
        }
    }

    /**
     * Working hours: outside them environments are scaled down; {@code null} for none.
     *
     * @throws InvalidInputException naming {@code workingHours} when it is malformed
     */
    static WorkingHours workingHours(String schedule) {
        if (Util.fixEmptyAndTrim(schedule) == null) {
            return null;
        }
        try {
            return WorkingHours.parse(schedule);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("workingHours", e.getMessage().substring(e.getField().length() + 2));
        }
    }
}
