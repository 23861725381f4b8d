package io.jenkins.plugins.branchdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.model.Item;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every web method of the configuration checks permission: found by reflection, so a new one cannot slip through. */
@WithJenkins
class PermissionITest {

    private JenkinsRule r;

    @BeforeEach
    void secure(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("developer")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        r.createFreeStyleProject("shop");
    }

    @Test
    void globalConfigurationMethodsNeedAdminister() throws Exception {
        for (String url : webMethods("", BranchDeployConfiguration.class, ClusterConfig.DescriptorImpl.class)) {
            assertThat(post("developer", url)).as(url).isEqualTo(403);
            assertThat(post("admin", url)).as(url).isEqualTo(200);
        }
    }

    @Test
    void projectSettingsMethodsNeedConfigureOnTheProject() throws Exception {
        for (String url : webMethods("job/shop/", ProjectSettings.DescriptorImpl.class)) {
            assertThat(post("reader", url)).as(url).isEqualTo(403);
            assertThat(post("developer", url)).as(url).isEqualTo(200);
        }
    }

    @Test
    void theManagementPagesChangesNeedAdminister() throws Exception {
        for (String change : List.of("teardown", "extend", "wake", "scaleDown")) {
            assertThat(post("developer", "manage/branch-deployments/" + change + "?cluster=staging&namespace=shop-main"))
                    .as(change).isEqualTo(403);
        }
    }

    /** Every public {@code do*} method of each descriptor, its own superclasses' included, as a URL under {@code prefix}. */
    private static List<String> webMethods(String prefix, Class<?>... descriptors) {
        List<String> urls = Arrays.stream(descriptors)
                .flatMap(d -> Arrays.stream(d.getMethods())
                        .filter(m -> m.getDeclaringClass().getPackageName().startsWith("io.jenkins.plugins.branchdeploy")
                                && m.getName().startsWith("do"))
                        .map(m -> prefix + "descriptorByName/" + descriptorId(d) + "/" + webName(m)))
                .toList();
        assertThat(urls).as("web methods found").hasSizeGreaterThanOrEqualTo(descriptors.length);
        return urls;
    }

    private static String descriptorId(Class<?> descriptorClass) {
        return ((Descriptor<?>) ExtensionList.lookupSingleton(descriptorClass)).getId();
    }

    private static String webName(Method m) {
        String name = m.getName().substring(2);
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private int post(String user, String url) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl(url), HttpMethod.POST)).getWebResponse().getStatusCode();
    }
}
