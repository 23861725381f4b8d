package io.jenkins.plugins.branchdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The job and folder settings sit where Jenkins' own properties do, and show their fields only when switched on. */
@WithJenkins
class SettingsFormsITest {

    private static final String TITLE = "Override branch deployment settings";

    private JenkinsRule r;

    @BeforeEach
    void start(JenkinsRule rule) {
        r = rule;
    }

    @Test
    void aJobsSettingsAreAnOptionalBlockInsideGeneral() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("shop");
        HtmlPage page = r.createWebClient().getPage(job, "configure");

        HtmlCheckBoxInput box = checkbox(page);
        assertThat(titledSectionAround(box)).as("no section of its own: inside General, beside Discard old builds").isNull();
        assertThat(sectionTitles(page)).doesNotContain("Branch deployments");
        assertThat(box.isChecked()).isFalse();
        HtmlElement domain = page.getFormByName("config").getInputByName("_.domain");
        assertThat(domain.isDisplayed()).as("the fields are hidden while the box is off").isFalse();

        r.submit(page.getFormByName("config"));
        assertThat(job.getProperty(BranchDeployJobProperty.class)).as("a job whose box is off keeps no property").isNull();

        page = r.createWebClient().getPage(job, "configure");
        checkbox(page).click();
        domain = page.getFormByName("config").getInputByName("_.domain");
        assertThat(domain.isDisplayed()).isTrue();
        domain.type("shop.preview.example.dev");
        r.submit(page.getFormByName("config"));

        BranchDeployJobProperty property = job.getProperty(BranchDeployJobProperty.class);
        assertThat(property).isNotNull();
        assertThat(property.getSettings().getDomain()).isEqualTo("shop.preview.example.dev");
        assertThat(checkbox(r.createWebClient().getPage(job, "configure")).isChecked()).isTrue();
    }

    @Test
    void aFoldersSettingsAreAnOptionalBlockUnderProperties() throws Exception {
        Folder folder = r.jenkins.createProject(Folder.class, "team");
        HtmlPage page = r.createWebClient().getPage(folder, "configure");

        HtmlCheckBoxInput box = checkbox(page);
        DomElement section = titledSectionAround(box);
        assertThat(section).isNotNull();
        assertThat(section.querySelector(".jenkins-section__title").getTextContent().trim()).isEqualTo("Properties");
        assertThat(sectionTitles(page)).doesNotContain("Branch deployments");

        r.submit(page.getFormByName("config"));
        assertThat(folder.getProperties().get(BranchDeployProperty.class)).isNull();

        page = r.createWebClient().getPage(folder, "configure");
        checkbox(page).click();
        HtmlElement ttl = page.getFormByName("config").getInputByName("_.ttl");
        ttl.type("3d");
        r.submit(page.getFormByName("config"));

        BranchDeployProperty property = folder.getProperties().get(BranchDeployProperty.class);
        assertThat(property).isNotNull();
        assertThat(property.getSettings().getTtl()).isEqualTo("3d");
    }

    private static HtmlCheckBoxInput checkbox(HtmlPage page) {
        HtmlCheckBoxInput box = page.getFirstByXPath(
                "//label[normalize-space(.)='" + TITLE + "']/preceding-sibling::input[@type='checkbox']");
        assertThat(box).as("the checkbox '" + TITLE + "'").isNotNull();
        return box;
    }

    /** The nearest enclosing section with a title (General has none), or {@code null}. */
    private static DomElement titledSectionAround(DomNode node) {
        for (DomNode parent = node.getParentNode(); parent instanceof DomElement element; parent = parent.getParentNode()) {
            if ("section".equals(element.getTagName()) && element.getAttribute("class").contains("jenkins-section")
                    && element.querySelector(".jenkins-section__title") != null) {
                return element;
            }
        }
        return null;
    }

    private static List<String> sectionTitles(HtmlPage page) {
        return page.querySelectorAll(".jenkins-section__title").stream().map(n -> n.getTextContent().trim()).toList();
    }
}
