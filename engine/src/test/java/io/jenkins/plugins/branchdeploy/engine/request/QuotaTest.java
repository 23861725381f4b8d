package io.jenkins.plugins.branchdeploy.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaTest {

    @Test
    void everyLimitCanBeGiven() {
        assertThat(Quota.DEFAULT.with("quota", "cpu=500m, memory=512Mi, pods=5"))
                .isEqualTo(new Quota("500m", "512Mi", 5));
    }

    @Test
    void limitsNotNamedKeepTheirValue() {
        Quota base = new Quota("4", "8Gi", 30);

        assertThat(base.with("quota", "pods=10")).isEqualTo(new Quota("4", "8Gi", 10));
        assertThat(base.with("quota", "  ")).isSameAs(base);
        assertThat(base.with("quota", null)).isSameAs(base);
    }

    @Test
    void textFormReadsBackToTheSameQuota() {
        Quota quota = new Quota("1.5", "3G", 7);

        assertThat(Quota.DEFAULT.with("quota", quota.toString())).isEqualTo(quota);
    }

    @Test
    void autoAsksForAQuotaSizedFromTheAppAndReadsBack() {
        Quota auto = Quota.DEFAULT.with("quota", " auto ");

        assertThat(auto.auto()).isTrue();
        assertThat(auto).hasToString("auto");
        assertThat(Quota.DEFAULT.with("quota", auto.toString())).isEqualTo(auto);
        assertThat(auto.with("quota", "cpu=3")).isEqualTo(new Quota("3", "4Gi", 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto,pods=3", "cpu", "cpu=", "disk=10Gi", "cpu=two", "memory=4GB", "pods=0", "pods=-1", "pods=many"})
    void badTextNamesTheFieldAndShowsTheForm(String text) {
        assertThatThrownBy(() -> Quota.DEFAULT.with("--quota", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--quota: ")
                .hasMessageContaining("e.g.")
                .extracting(e -> ((InvalidInputException) e).getField())
                .isEqualTo("--quota");
    }
}
