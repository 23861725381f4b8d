package io.jenkins.plugins.branchdeploy.overview;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Which job a {@code deployed-by} annotation leads to, decided without a running Jenkins. */
class DeployedByTest {

    /** A Jenkins with no job the user may see: records each lookup, and refuses them when told to. */
    private static final class FakeJenkins extends JenkinsFacade {
        private final List<String> lookedUp = new ArrayList<>();
        private final boolean refuse;

        FakeJenkins(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
            lookedUp.add(fullName);
            if (refuse) {
                throw new AccessDeniedException("may not read " + fullName);
            }
            return null;
        }
    }

    @Test
    void anAnnotationWithoutABuildNumberShowsNothingAndLooksUpNothing() {
        FakeJenkins jenkins = new FakeJenkins(false);

        for (String id : new String[] {null, "", "team/shop/PR-42", "#7"}) {
            assertThat(DeployedBy.resolve(jenkins, id)).as("%s", id).isNull();
        }
        assertThat(jenkins.lookedUp).isEmpty();
    }

    @Test
    void theJobIsTheIdUpToItsLastHash() {
        FakeJenkins jenkins = new FakeJenkins(false);

        assertThat(DeployedBy.resolve(jenkins, "team/shop/fix#login#7")).as("no such job").isNull();
        assertThat(jenkins.lookedUp).containsExactly("team/shop/fix#login");
    }

    @Test
    void aJobTheUserMayNotReadIsNotShown() {
        FakeJenkins jenkins = new FakeJenkins(true);

        assertThat(DeployedBy.resolve(jenkins, "team/shop/PR-42#7")).isNull();
        assertThat(jenkins.lookedUp).containsExactly("team/shop/PR-42");
    }
}
