package io.jenkins.plugins.branchdeploy.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code branchDeploy}: deploys this branch's manifests into its own environment and returns its
 * {@code url} ({@code null} when nothing routes to the environment), {@code namespace} and
 * {@code environment}. Holds only names and credentials ids, never a secret value. The freestyle "Deploy this branch" build step wraps the same object.
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
    private boolean keepLoadBalancers;
    private boolean networkPolicy = true;
    private String baselineNamespace;
    private Integer commitsBehind;
    private Integer driftThreshold;
    private String changeOpenedAt;
    private boolean checks = true;
    private String checkName;

    /** @param manifests the workspace directory (or file) of Kubernetes YAML to deploy */
    @DataBoundConstructor
    public BranchDeployStep(String manifests) {
        this.manifests = Util.fixEmptyAndTrim(manifests);
    }

    public String getManifests() {
        return manifests;
    }

    public String getApp() {
        return app;
    }

    @DataBoundSetter
    public void setApp(String app) {
        this.app = Util.fixEmptyAndTrim(app);
    }

    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Util.fixEmptyAndTrim(cluster);
    }

    public String getDomain() {
        return domain;
    }

    @DataBoundSetter
    public void setDomain(String domain) {
        this.domain = Util.fixEmptyAndTrim(domain);
    }

    public Map<String, String> getVariables() {
        return variables == null ? null : Collections.unmodifiableMap(variables);
    }

    /** Sorted by name, so that the form and generated snippets always show them alike. */
    @DataBoundSetter
    public void setVariables(Map<String, String> variables) {
        this.variables = variables == null || variables.isEmpty() ? null : new TreeMap<>(variables);
    }

    /** The variables as the configuration form shows them: one {@code NAME=value} a line. */
    @Restricted(NoExternalUse.class)
    public String getVariablesText() {
        return VariableLines.format(variables);
    }

    public List<SecretBinding> getSecrets() {
        return Collections.unmodifiableList(secrets);
    }

    @DataBoundSetter
    public void setSecrets(List<SecretBinding> secrets) {
        this.secrets = secrets == null ? new ArrayList<>() : new ArrayList<>(secrets);
        this.secrets.removeIf(SecretBinding::isEmpty);
    }

    public DatabaseOptions getDatabase() {
        return database;
    }

    @DataBoundSetter
    public void setDatabase(DatabaseOptions database) {
        this.database = database;
    }

    public String getQuota() {
        return quota;
    }

    @DataBoundSetter
    public void setQuota(String quota) {
        this.quota = Util.fixEmptyAndTrim(quota);
    }

    public String getTtl() {
        return ttl;
    }

    @DataBoundSetter
    public void setTtl(String ttl) {
        this.ttl = Util.fixEmptyAndTrim(ttl);
    }

    public String getSmokeTests() {
        return smokeTests;
    }

    @DataBoundSetter
    public void setSmokeTests(String smokeTests) {
        this.smokeTests = Util.fixEmptyAndTrim(smokeTests);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public String getSourceNamespace() {
        return sourceNamespace;
    }

    @DataBoundSetter
    public void setSourceNamespace(String sourceNamespace) {
        this.sourceNamespace = Util.fixEmptyAndTrim(sourceNamespace);
    }

    /** {@code yaml}, {@code helm} or {@code kustomize}; {@code null} to detect it from what {@code manifests} holds. */
    public String getSource() {
        return source;
    }

    @DataBoundSetter
    public void setSource(String source) {
        this.source = Util.fixEmptyAndTrim(source);
    }

    /** A Helm chart's values files, workspace paths, applied in order. */
    public List<String> getValues() {
        return Collections.unmodifiableList(values);
    }

    @DataBoundSetter
    public void setValues(List<String> values) {
        this.values = values == null ? List.of() : values.stream().map(Util::fixEmptyAndTrim).filter(Objects::nonNull).toList();
    }

    /** The values files as the configuration form shows them: one path a line. */
    @Restricted(NoExternalUse.class)
    public String getValuesText() {
        return String.join("\n", values);
    }

    /** A Helm chart's single values ({@code --set KEY=VALUE}), applied after the values files in this order. */
    public Map<String, String> getSet() {
        return set == null ? null : Collections.unmodifiableMap(set);
    }

    @DataBoundSetter
    public void setSet(Map<String, String> set) {
        this.set = set == null || set.isEmpty() ? null : new LinkedHashMap<>(set);
    }

    /** The chart values as the configuration form shows them: one {@code KEY=value} a line. */
    @Restricted(NoExternalUse.class)
    public String getSetText() {
        return VariableLines.format(set);
    }

    public boolean isHelmTests() {
        return helmTests;
    }

    @DataBoundSetter
    public void setHelmTests(boolean helmTests) {
        this.helmTests = helmTests;
    }

    /** The Service the environment's host routes to, as {@code SERVICE[:PORT]}. */
    public String getExpose() {
        return expose;
    }

    @DataBoundSetter
    public void setExpose(String expose) {
        this.expose = Util.fixEmptyAndTrim(expose);
    }

    /** The Gateway an HTTPRoute attaches to instead of an Ingress, as {@code gateway:NAMESPACE/NAME}. */
    public String getRouteVia() {
        return routeVia;
    }

    @DataBoundSetter
    public void setRouteVia(String routeVia) {
        this.routeVia = Util.fixEmptyAndTrim(routeVia);
    }

    public boolean isKeepLoadBalancers() {
        return keepLoadBalancers;
    }

    @DataBoundSetter
    public void setKeepLoadBalancers(boolean keepLoadBalancers) {
        this.keepLoadBalancers = keepLoadBalancers;
    }

    /** Whether the environment gets its NetworkPolicy, which admits only its own namespace and the ingress controller's. */
    public boolean isNetworkPolicy() {
        return networkPolicy;
    }

    @DataBoundSetter
    public void setNetworkPolicy(boolean networkPolicy) {
        this.networkPolicy = networkPolicy;
    }

    /** The namespace whose live resources the change report compares with, e.g. {@code production}. */
    public String getBaselineNamespace() {
        return baselineNamespace;
    }

    @DataBoundSetter
    public void setBaselineNamespace(String baselineNamespace) {
        this.baselineNamespace = Util.fixEmptyAndTrim(baselineNamespace);
    }

    public Integer getCommitsBehind() {
        return commitsBehind;
    }

    @DataBoundSetter
    public void setCommitsBehind(Integer commitsBehind) {
        this.commitsBehind = commitsBehind;
    }

    public Integer getDriftThreshold() {
        return driftThreshold;
    }

    @DataBoundSetter
    public void setDriftThreshold(Integer driftThreshold) {
        this.driftThreshold = driftThreshold;
    }

    /** When the pull request was opened, ISO-8601; {@code null} for when Jenkins first saw it. */
    public String getChangeOpenedAt() {
        return changeOpenedAt;
    }

    @DataBoundSetter
    public void setChangeOpenedAt(String changeOpenedAt) {
        this.changeOpenedAt = Util.fixEmptyAndTrim(changeOpenedAt);
    }

    /** Whether the deploy publishes the "Branch deployment" check on the pull request. */
    public boolean isChecks() {
        return checks;
    }

    @DataBoundSetter
    public void setChecks(boolean checks) {
        this.checks = checks;
    }

    /** The check's name; {@code null} for {@code BranchDeploymentCheck.DEFAULT_NAME}. */
    public String getCheckName() {
        return checkName;
    }

    @DataBoundSetter
    public void setCheckName(String checkName) {
        this.checkName = Util.fixEmptyAndTrim(checkName);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient BranchDeployStep step;

        Execution(BranchDeployStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            BuildDeployer deployment = new BuildDeployer(
                    context.get(Run.class), context.get(EnvVars.class), context.get(TaskListener.class));
            DeployResult result = deployment.deploy(step, context.get(FilePath.class));
            // plain serialisable map: Pipeline scripts read result.url, result.namespace, result.environment;
            // all null when the branch filter leaves the branch out
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("url", result == null ? null : result.url());
            values.put("namespace", result == null ? null : result.names().namespace());
            values.put("environment", result == null ? null : result.names().environment());
            return values;
        }
    }

    @Extension
    @Symbol("branchDeploy")
    public static final class DescriptorImpl extends BranchDeployStepValidators {

        @Override
        public String getFunctionName() {
            return "branchDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Deploy this branch into its own environment";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
        }

        /** The form shows variables, values files and chart values as text lines; Pipeline scripts pass a map and lists. */
        @Override
        public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            Map<String, String> variables = VariableLines.parse(formData.optString(VariableLines.FORM_FIELD));
            List<String> values = formData.optString("valuesText").lines().toList();
            Map<String, String> set = new LinkedHashMap<>();
            formData.optString("setText").lines().filter(line -> !line.isBlank())
                    .forEach(line -> SourceOptions.parseSet(line.trim(), set));
            formData.remove(VariableLines.FORM_FIELD);
            formData.remove("valuesText");
            formData.remove("setText");
            BranchDeployStep step = (BranchDeployStep) super.newInstance(req, formData);
            step.setVariables(variables);
            step.setValues(values);
            step.setSet(set);
            return step;
        }
    }
}
