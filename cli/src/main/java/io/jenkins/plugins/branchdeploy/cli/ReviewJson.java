package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.history.DeployHistory;
import io.jenkins.plugins.branchdeploy.engine.history.DeployRecord;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeType;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.report.FieldChange;
import io.jenkins.plugins.branchdeploy.engine.report.ResourceChange;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeReport;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Smoke results, change reports, drift and history as the maps {@link Json} writes; durations in seconds. */
final class ReviewJson {

    private ReviewJson() {}

    static Map<String, Object> smoke(SmokeReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", report.passed());
        map.put("summary", report.summary());
        map.put("checks", report.results().stream().map(ReviewJson::check).toList());
        return map;
    }

    static Map<String, Object> changes(ChangeReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("baseline", report.baseline());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ChangeType type : ChangeType.values()) {
            counts.put(type.word(), report.count(type));
        }
        map.put("counts", counts);
        map.put("differences", report.differences().stream().map(ReviewJson::resource).toList());
        if (report.drift() != null) {
            map.put("drift", drift(report.drift()));
        }
        if (report.webhookUrl() != null) {
            map.put("webhookUrl", report.webhookUrl());
        }
        return map;
    }

    static Map<String, Object> drift(Drift drift) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", drift.target());
        map.put("commitsBehind", drift.commitsBehind());
        map.put("threshold", drift.threshold());
        map.put("exceeded", drift.exceeded());
        map.put("message", drift.message());
        return map;
    }

    static Map<String, Object> history(DeployHistory history) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("firstDeployAt", history.firstDeployAt().orElse(null));
        map.put("firstReadyAt", history.firstReadyAt().orElse(null));
        map.put("deploys", history.entries().stream().map(ReviewJson::deploy).toList());
        return map;
    }

    static Map<String, Double> seconds(Map<String, Duration> phases) {
        Map<String, Double> map = new LinkedHashMap<>();
        phases.forEach((phase, took) -> map.put(phase, took.toMillis() / 1000.0));
        return map;
    }

    private static Map<String, Object> check(SmokeResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", result.name());
        map.put("method", result.method());
        map.put("path", result.path());
        map.put("passed", result.passed());
        map.put("advisory", result.advisory());
        map.put("attempts", result.attempts());
        map.put("lastStatus", result.lastStatus());
        map.put("latencySeconds", result.latency() == null ? null : result.latency().toMillis() / 1000.0);
        map.put("reason", result.reason());
        return map;
    }

    private static Map<String, Object> resource(ResourceChange change) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("resource", change.resource().toString());
        map.put("change", change.change().word());
        map.put("fields", change.fields().stream().map(ReviewJson::field).toList());
        return map;
    }

    private static Map<String, Object> field(FieldChange field) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", field.field());
        map.put("change", field.change().word());
        map.put("before", field.before());
        map.put("after", field.after());
        return map;
    }

    private static Map<String, Object> deploy(DeployRecord deploy) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("commit", deploy.commit());
        map.put("at", deploy.at());
        map.put("ok", deploy.ok());
        map.put("reason", deploy.reason());
        map.put("url", deploy.url());
        map.put("phases", seconds(deploy.phases()));
        return map;
    }
}
