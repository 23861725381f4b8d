package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what source control says from a JSON file, for the command line:
 * <pre>{"apps": {"shop": {"branches": ["main", "feature/x"], "changes": {"42": "open", "41": "merged"}}}}</pre>
 * It lists only apps that were scanned successfully, each with all its live branches and its pull
 * requests; apps not in the file are in unknown state. Errors name the file and the JSON path.
 */
public final class LiveStateFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern CHANGE_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path file;

    private LiveStateFile(Path file) {
        this.file = file;
    }

    public static ScmState read(Path file) throws IOException {
        return new LiveStateFile(file).read();
    }

    private ScmState read() throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file; give the path of the live-state JSON file");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file.toString(), "is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("$", "must be an object such as {\"apps\": {...}}");
        }
        onlyKeys(root, "$", Set.of("apps"));
        JsonNode apps = object(root.get("apps"), "$.apps", "an object of apps, e.g. {\"shop\": {\"branches\": [\"main\"], \"changes\": {}}}");
        ScmState.Builder state = ScmState.builder("not in the live-state file " + file);
        for (Map.Entry<String, JsonNode> app : apps.properties()) {
            String path = child("$.apps", app.getKey());
            JsonNode scan = object(app.getValue(), path, "an object with \"branches\" and \"changes\"");
            onlyKeys(scan, path, Set.of("branches", "changes"));
            Set<String> branches = branches(scan.get("branches"), path + ".branches");
            Map<Integer, ChangeState> changes = changes(scan.get("changes"), path + ".changes");
            try {
                state.scanned(app.getKey(), branches, changes);
            } catch (InvalidInputException e) {
                throw bad(path, e.getMessage().substring(e.getField().length() + 2));
            }
        }
        return state.build();
    }

    private Set<String> branches(JsonNode node, String path) {
        if (node == null || !node.isArray()) {
            throw bad(path, "must list every live branch, e.g. [\"main\", \"feature/x\"] ([] when there is none)");
        }
        Set<String> branches = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode branch = node.get(i);
            if (!branch.isTextual() || branch.asText().isEmpty()) {
                throw bad(path + "[" + i + "]", "must be a branch name as a non-empty string, got " + branch);
            }
            branches.add(branch.asText());
        }
        return branches;
    }

    private Map<Integer, ChangeState> changes(JsonNode node, String path) {
        JsonNode object = object(node, path, "the state of every pull request, e.g. {\"42\": \"open\", \"41\": \"merged\"} ({} when there is none)");
        Map<Integer, ChangeState> changes = new HashMap<>();
        for (Map.Entry<String, JsonNode> change : object.properties()) {
            String changePath = child(path, change.getKey());
            if (!CHANGE_NUMBER.matcher(change.getKey()).matches()) {
                throw bad(changePath, "'" + change.getKey() + "' is not a pull request number; use its digits, e.g. \"42\"");
            }
            JsonNode value = change.getValue();
            ChangeState state = value.isTextual() ? ChangeState.fromValue(value.asText()).orElse(null) : null;
            if (state == null) {
                throw bad(changePath, value + " is not a pull request state; use \"open\", \"closed\" or \"merged\"");
            }
            changes.put(Integer.valueOf(change.getKey()), state);
        }
        return changes;
    }

    private JsonNode object(JsonNode node, String path, String expected) {
        if (node == null || !node.isObject()) {
            throw bad(path, (node == null ? "is missing" : "is " + node.getNodeType().name().toLowerCase(Locale.ROOT))
                    + "; it must be " + expected);
        }
        return node;
    }

    private void onlyKeys(JsonNode object, String path, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (!allowed.contains(name)) {
                throw bad(child(path, name), "is not a known key; use " + String.join(" and ", allowed.stream().sorted().toList()));
            }
        }
    }

    private InvalidInputException bad(String path, String message) {
        return new InvalidInputException(file + " " + path, message);
    }

    private static String child(String path, String key) {
        return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
}
