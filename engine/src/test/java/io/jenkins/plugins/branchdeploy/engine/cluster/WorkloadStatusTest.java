package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

class WorkloadStatusTest {

    @Test
    void aDeploymentIsReadyWhenItsLatestSpecIsObservedAndAllReplicasAreAvailable() {
        var deployment = new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(3L).endMetadata()
                .withNewSpec().withReplicas(2).endSpec()
                .withNewStatus().withObservedGeneration(3L).withReadyReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2).endStatus();

        assertThat(WorkloadStatus.of(deployment.build()).ready()).isTrue();
        WorkloadStatus stale = WorkloadStatus.of(deployment.editStatus().withObservedGeneration(2L).endStatus().build());
        assertThat(stale.ready()).isFalse();
        assertThat(stale.description()).isEqualTo("Deployment/web: 2/2 ready, 2 updated, 2 available, latest spec not yet observed");
    }

    @Test
    void aDeploymentPastItsProgressDeadlineHasFailed() {
        var stalled = new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(1).endSpec()
                .withNewStatus().withObservedGeneration(1L).withUpdatedReplicas(1)
                .addNewCondition().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"web-5d\" has timed out progressing.").endCondition().endStatus().build();

        WorkloadStatus status = WorkloadStatus.of(stalled);
        assertThat(status.failed()).isTrue();
        assertThat(status.description()).isEqualTo("Deployment/web: 0/1 ready, 1 updated, 0 available "
                + "(Progressing=False ProgressDeadlineExceeded: ReplicaSet \"web-5d\" has timed out progressing.)");
    }

    @Test
    void statefulSetsDaemonSetsAndJobs() {
        assertThat(WorkloadStatus.of(new StatefulSetBuilder().withNewMetadata().withName("db").withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(1).endSpec().withNewStatus().withObservedGeneration(1L).withReadyReplicas(0)
                .withUpdatedReplicas(1).endStatus().build()).description()).isEqualTo("StatefulSet/db: 0/1 ready, 1 updated");
        assertThat(WorkloadStatus.of(new DaemonSetBuilder().withNewMetadata().withName("agent").withGeneration(1L).endMetadata()
                .withNewStatus().withObservedGeneration(1L).withDesiredNumberScheduled(3).withNumberReady(3)
                .withUpdatedNumberScheduled(3).endStatus().build()).ready()).isTrue();
        WorkloadStatus failedJob = WorkloadStatus.of(new JobBuilder().withNewMetadata().withName("migrate").endMetadata()
                .withNewStatus().withFailed(6).addNewCondition().withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").endCondition().endStatus().build());
        assertThat(failedJob.failed()).isTrue();
        assertThat(failedJob.description()).isEqualTo("Job/migrate: failed (BackoffLimitExceeded: Job has reached the specified backoff limit)");
        assertThat(WorkloadStatus.of(new JobBuilder().withNewMetadata().withName("migrate").endMetadata().withNewStatus().withActive(1)
                .endStatus().build()).description()).isEqualTo("Job/migrate: not complete (1 active, 0 failed pods)");
    }
}
