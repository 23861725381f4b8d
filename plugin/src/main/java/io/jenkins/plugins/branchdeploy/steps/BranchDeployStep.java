package io.jenkins.plugins.branchdeploy.steps;

import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.branchdeploy.config.ArgoCdOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code branchDeploy}: deploys this branch's manifests into its own environment and returns its
 * {@code url} ({@code null} when nothing routes to the environment), {@code namespace} and
 * {@code environment}. Holds only names and credentials ids, never a secret value. The freestyle
 * "Deploy this branch" build step wraps the same object. Each field is documented in its
 * {@code help-<field>.html}; text fields keep {@code null} for "not given".
 */
public final class BranchDeployStep extends Step {

    private final String manifests;
    private String app;
    private String cluster;
    private String domain;
    private Map<String, String> variables;
    private List<SecretBinding> secrets = List.of();
    private DatabaseOptions database;
    private String quota;
    private String ttl;
    private String smokeTests;
    private String timeout;
    private String sourceNamespace;
    private String source;
    private List<String> values = List.of();
    private Map<String, String> set;
    private boolean helmTests;
    private String expose;
    private String routeVia;
    private String webhooks;
    private boolean keepLoadBalancers;
    private boolean networkPolicy = true;
    private String baselineNamespace;
    private Integer commitsBehind;
    private Integer driftThreshold;
    private String changeOpenedAt;
    private boolean checks = true;
    private String checkName;
    private String applyWith;
    private ArgoCdOptions argoCd;

    @DataBoundConstructor
    public BranchDeployStep(String manifests) {
        this.manifests = Util.fixEmptyAndTrim(manifests);
    }

    public String getManifests() { return manifests; }

    public String getApp() { return app; }
    @DataBoundSetter public void setApp(String app) { this.app = Util.fixEmptyAndTrim(app); }

    public String getCluster() { return cluster; }
    @DataBoundSetter public void setCluster(String cluster) { this.cluster = Util.fixEmptyAndTrim(cluster); }

    public String getDomain() { return domain; }
    @DataBoundSetter public void setDomain(String domain) { this.domain = Util.fixEmptyAndTrim(domain); }

    public Map<String, String> getVariables() { return variables == null ? null : Collections.unmodifiableMap(variables); }
    /** Sorted by name, so that the form and generated snippets always show them alike. */
    @DataBoundSetter public void setVariables(Map<String, String> variables) {
        this.variables = variables == null || variables.isEmpty() ? null : new TreeMap<>(variables);
    }

    /** The variables as the configuration form shows them: one {@code NAME=value} a line. */
    @Restricted(NoExternalUse.class)
    public String getVariablesText() { return VariableLines.format(variables); }

    public List<SecretBinding> getSecrets() { return Collections.unmodifiableList(secrets); }
    @DataBoundSetter public void setSecrets(List<SecretBinding> secrets) {
        this.secrets = secrets == null ? new ArrayList<>() : new ArrayList<>(secrets);
        this.secrets.removeIf(SecretBinding::isEmpty);
    }

    public DatabaseOptions getDatabase() { return database; }
    @DataBoundSetter public void setDatabase(DatabaseOptions database) { this.database = database; }

    public String getQuota() { return quota; }
    @DataBoundSetter public void setQuota(String quota) { this.quota = Util.fixEmptyAndTrim(quota); }

    public String getTtl() { return ttl; }
    @DataBoundSetter public void setTtl(String ttl) { this.ttl = Util.fixEmptyAndTrim(ttl); }

    public String getSmokeTests() { return smokeTests; }
    @DataBoundSetter public void setSmokeTests(String smokeTests) { this.smokeTests = Util.fixEmptyAndTrim(smokeTests); }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Util.fixEmptyAndTrim(timeout); }

    public String getSourceNamespace() { return sourceNamespace; }
    @DataBoundSetter public void setSourceNamespace(String sourceNamespace) {
        this.sourceNamespace = Util.fixEmptyAndTrim(sourceNamespace);
    }

    public String getSource() { return source; }
    @DataBoundSetter public void setSource(String source) { this.source = Util.fixEmptyAndTrim(source); }

    public List<String> getValues() { return Collections.unmodifiableList(values); }
    @DataBoundSetter public void setValues(List<String> values) {
        this.values = values == null ? List.of() : values.stream().map(Util::fixEmptyAndTrim).filter(Objects::nonNull).toList();
    }

    /** The values files as the configuration form shows them: one path a line. */
    @Restricted(NoExternalUse.class)
    public String getValuesText() { return String.join("\n", values); }

    /** In the order given: later values override earlier ones, as with {@code helm --set}. */
    public Map<String, String> getSet() { return set == null ? null : Collections.unmodifiableMap(set); }
    @DataBoundSetter public void setSet(Map<String, String> set) {
        this.set = set == null || set.isEmpty() ? null : new LinkedHashMap<>(set);
    }

    /** The chart values as the configuration form shows them: one {@code KEY=value} a line. */
    @Restricted(NoExternalUse.class)
    public String getSetText() { return VariableLines.format(set); }

    public boolean isHelmTests() { return helmTests; }
    @DataBoundSetter public void setHelmTests(boolean helmTests) { this.helmTests = helmTests; }

    public String getExpose() { return expose; }
    @DataBoundSetter public void setExpose(String expose) { this.expose = Util.fixEmptyAndTrim(expose); }

    public String getRouteVia() { return routeVia; }
    @DataBoundSetter public void setRouteVia(String routeVia) { this.routeVia = Util.fixEmptyAndTrim(routeVia); }

    public String getWebhooks() { return webhooks; }
    @DataBoundSetter public void setWebhooks(String webhooks) { this.webhooks = Util.fixEmptyAndTrim(webhooks); }

    public boolean isKeepLoadBalancers() { return keepLoadBalancers; }
    @DataBoundSetter public void setKeepLoadBalancers(boolean keepLoadBalancers) { this.keepLoadBalancers = keepLoadBalancers; }

    public boolean isNetworkPolicy() { return networkPolicy; }
    @DataBoundSetter public void setNetworkPolicy(boolean networkPolicy) { this.networkPolicy = networkPolicy; }

    public String getBaselineNamespace() { return baselineNamespace; }
    @DataBoundSetter public void setBaselineNamespace(String baselineNamespace) {
        this.baselineNamespace = Util.fixEmptyAndTrim(baselineNamespace);
    }

    public Integer getCommitsBehind() { return commitsBehind; }
    @DataBoundSetter public void setCommitsBehind(Integer commitsBehind) { this.commitsBehind = commitsBehind; }

    public Integer getDriftThreshold() { return driftThreshold; }
    @DataBoundSetter public void setDriftThreshold(Integer driftThreshold) { this.driftThreshold = driftThreshold; }

    public String getChangeOpenedAt() { return changeOpenedAt; }
    @DataBoundSetter public void setChangeOpenedAt(String changeOpenedAt) {
        this.changeOpenedAt = Util.fixEmptyAndTrim(changeOpenedAt);
    }

    public boolean isChecks() { return checks; }
    @DataBoundSetter public void setChecks(boolean checks) { this.checks = checks; }

    public String getCheckName() { return checkName; }
    @DataBoundSetter public void setCheckName(String checkName) { this.checkName = Util.fixEmptyAndTrim(checkName); }

    public String getApplyWith() { return applyWith; }
    @DataBoundSetter public void setApplyWith(String applyWith) { this.applyWith = Util.fixEmptyAndTrim(applyWith); }

    public ArgoCdOptions getArgoCd() { return argoCd; }
    @DataBoundSetter public void setArgoCd(ArgoCdOptions argoCd) { this.argoCd = argoCd; }

    @Override
    public StepExecution start(StepContext context) {
        return new BranchDeployExecution(this, context);
    }

    /** The registered descriptor, nested so that {@code Descriptor()} knows the step class; see {@link BranchDeployStepDescriptor}. */
    @Extension
    @Symbol("branchDeploy")
    public static final class DescriptorImpl extends BranchDeployStepDescriptor {}
}
