package io.jenkins.plugins.branchdeploy.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * What {@code branchDeploy}'s descriptor does: its name, its context, its form and the form's checks.
 * The registered descriptor is the empty {@link BranchDeployStep.DescriptorImpl}, nested because
 * {@code Descriptor()} takes the step class from the enclosing class and {@link StepDescriptor} has
 * no constructor that is given it. Stapler finds a field's check as a public {@code doCheck<Field>}
 * method of the descriptor, inherited ones included. Every check runs only for those who may
 * configure the job.
 */
public abstract class BranchDeployStepDescriptor extends StepDescriptor {

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

    @POST
    public ListBoxModel doFillSourceItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Detect from the manifests", "");
        items.add("Plain YAML", "yaml");
        items.add("Helm chart", "helm");
        items.add("Kustomize overlay", "kustomize");
        return items;
    }

    @POST
    public ListBoxModel doFillApplyWithItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("As the folder's or global settings say", "");
        items.add("This step (server-side apply)", ApplyWith.DIRECT_NAME);
        items.add("Argo CD (an Application per environment)", ApplyWith.ARGOCD_NAME);
        return items;
    }

    @POST
    public FormValidation doCheckCluster(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.cluster(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDomain(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.domain(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckVariablesText(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.variables(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckQuota(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.quota(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckExpose(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.expose(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRouteVia(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String expose,
            @QueryParameter String webhooks) {
        return StepForms.canValidate(item) ? StepForms.routeVia(value, expose, webhooks) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckWebhooks(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.webhooks(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTtl(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.duration("ttl", value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.duration("timeout", value) : FormValidation.ok();
    }
}
