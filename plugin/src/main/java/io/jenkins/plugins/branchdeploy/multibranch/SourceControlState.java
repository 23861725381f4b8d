package io.jenkins.plugins.branchdeploy.multibranch;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ChangeState;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ScmState;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns what the multibranch projects say into the source-control state cleanup judges
 * environments by (see {@code docs/lifecycle.md}): a scanned app lists the heads of its live branch
 * jobs and its live pull request jobs as open, so a dead or missing job reads as a deleted branch or
 * a closed pull request. Each project also reports itself, by its full name, for the environments
 * it deployed (their {@code owner}), so that an environment deployed under another app name is
 * judged by its own project's branches. An app no project reports is in unknown state, and so are
 * the apps and projects whose jobs are not known for sure.
 */
public final class SourceControlState {

    /** Why an app is unknown when no multibranch project reports it. */
    public static final String NOT_REPORTED = "no multibranch project of that name (the app is named in a step,"
            + " or its project was renamed or deleted)";

    private SourceControlState() {}

    public static ScmState of(Collection<ProjectScan> projects) {
        Map<String, List<ProjectScan>> byApp = new LinkedHashMap<>();
        for (ProjectScan project : projects) {
            String slug = slug(project.app());
            // a project whose name makes no app name never had an environment
            if (slug != null) {
                byApp.computeIfAbsent(slug, s -> new ArrayList<>()).add(project);
            }
        }
        ScmState.Builder state = ScmState.builder(NOT_REPORTED);
        byApp.values().forEach(sameApp -> report(state, sameApp));
        projects.forEach(project -> reportProject(state, project));
        return state.build();
    }

    /** A project speaks for the environments it deployed, whatever app they were deployed as. */
    private static void reportProject(ScmState.Builder state, ProjectScan project) {
        if (project.unknownReason() != null) {
            state.unknownProject(project.project(), project.unknownReason());
            return;
        }
        Set<String> branches = new HashSet<>();
        Map<Integer, ChangeState> changes = new HashMap<>();
        addLive(project, branches, changes);
        state.scannedProject(project.project(), branches, changes);
    }

    /**
     * Projects of the same app (in different folders) speak for it together: it is unknown when one
     * of them is, and a head is live when any of them has it live.
     */
    private static void report(ScmState.Builder state, List<ProjectScan> sameApp) {
        String app = sameApp.get(0).app();
        List<String> unknown = sameApp.stream().map(ProjectScan::unknownReason).filter(Objects::nonNull).toList();
        if (!unknown.isEmpty()) {
            state.unknown(app, String.join("; ", unknown));
            return;
        }
        Set<String> branches = new HashSet<>();
        Map<Integer, ChangeState> changes = new HashMap<>();
        for (ProjectScan project : sameApp) {
            addLive(project, branches, changes);
        }
        state.scanned(app, branches, changes);
    }

    /** The heads of the project's live branch jobs as branches, its live pull request jobs as open. */
    private static void addLive(ProjectScan project, Set<String> branches, Map<Integer, ChangeState> changes) {
        for (BranchJob job : project.jobs()) {
            if (!job.live()) {
                continue;
            }
            if (job.change() == null) {
                branches.add(job.head());
            } else {
                changes.put(job.change(), ChangeState.OPEN);
            }
        }
    }

    private static String slug(String app) {
        try {
            return NamingPolicy.appSlug(app);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
