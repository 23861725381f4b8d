package io.jenkins.plugins.branchdeploy.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentBusyException;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentOwnedElsewhereException;
import io.jenkins.plugins.branchdeploy.engine.cluster.ForeignNamespaceException;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranchException;
import org.junit.jupiter.api.Test;

/** The status a page's action answers with tells who can fix the refusal: the user, someone else, or the cluster. */
class RefusalsTest {

    @Test
    void badInputIsTheUsersToFix() {
        assertThat(Refusals.status(new InvalidInputException("ttl", "'soon' is not a duration; use e.g. 1d"))).isEqualTo(400);
    }

    @Test
    void anEnvironmentOfSomeoneElseIsForbidden() {
        assertThat(Refusals.status(new EnvironmentOwnedElsewhereException("shop-cart", "team/shop", "team/other"))).isEqualTo(403);
        assertThat(Refusals.status(new ForeignNamespaceException("shop-cart", "ci-1"))).isEqualTo(403);
    }

    @Test
    void aBusyEnvironmentIsAConflictAndAFailingClusterABadGateway() {
        assertThat(Refusals.status(new EnvironmentBusyException("a deploy of shop-cart is under way"))).isEqualTo(409);
        assertThat(Refusals.status(new ClusterApiException("the API server answered 500", 500, null))).isEqualTo(502);
        assertThat(Refusals.status(new DatabaseBranchException("the database server refused"))).isEqualTo(500);
    }
}
