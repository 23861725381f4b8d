package io.jenkins.plugins.branchdeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void aNewTagOfTheSameImageShowsOnlyTheNewTag() {
        assertThat(ImageReference.change("registry.example:5000/shop/frontend:v1.2", "registry.example:5000/shop/frontend:v1.3"))
                .isEqualTo("registry.example:5000/shop/frontend:v1.2 -> v1.3");
        assertThat(ImageReference.change("redis@sha256:aaa", "redis@sha256:bbb")).isEqualTo("redis@sha256:aaa -> sha256:bbb");
    }

    @Test
    void anotherImageOrAnUntaggedOneIsShownInFull() {
        assertThat(ImageReference.change("redis:7", "valkey:7")).isEqualTo("redis:7 -> valkey:7");
        assertThat(ImageReference.change("registry.example:5000/redis", "registry.example:5000/redis:7"))
                .isEqualTo("registry.example:5000/redis -> registry.example:5000/redis:7");
    }
}
