package io.jenkins.plugins.branchdeploy.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns {@link SecretBinding}s into the secret values the engine writes into the environment,
 * looking each credential up as the build may see it and recording its use on the build. Error
 * messages name credentials ids and keys, never values.
 */
final class CredentialSecrets {

    private CredentialSecrets() {}

    static List<SecretEntry> resolve(List<SecretBinding> bindings, Run<?, ?> run) throws IOException {
        List<SecretEntry> entries = new ArrayList<>();
        for (SecretBinding binding : bindings) {
            String id = binding.getCredentialsId();
            if (id == null) {
                throw new AbortException("secrets: the entry for " + binding.getSecretName() + " has no credentialsId");
            }
            StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            if (credentials == null) {
                throw new AbortException("secrets: no credential with id '" + id + "' is available to this build");
            }
            CredentialsProvider.track(run, credentials);
            entries.addAll(entriesOf(binding, credentials));
        }
        return entries;
    }

    private static List<SecretEntry> entriesOf(SecretBinding binding, StandardCredentials credentials) throws IOException {
        String name = binding.getSecretName();
        if (credentials instanceof StringCredentials text) {
            return List.of(new SecretEntry(name, binding.getKey(), text.getSecret().getPlainText()));
        }
        if (credentials instanceof UsernamePasswordCredentials login) {
            return List.of(
                    new SecretEntry(name, binding.usernameKeyOrDefault(), login.getUsername()),
                    new SecretEntry(name, binding.passwordKeyOrDefault(), login.getPassword().getPlainText()));
        }
        if (credentials instanceof FileCredentials file) {
            return List.of(new SecretEntry(name, binding.getKey(), text(file, binding.getCredentialsId())));
        }
        throw new AbortException("secrets: credential '" + binding.getCredentialsId() + "' is a "
                + credentials.getDescriptor().getDisplayName()
                + "; use secret text, username with password or secret file");
    }

    /** Secret values are text; a file that is not UTF-8 is refused rather than silently mangled. */
    private static String text(FileCredentials file, String id) throws IOException {
        try (InputStream content = file.getContent()) {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AbortException("secrets: secret file '" + id + "' is not UTF-8 text; store text such as PEM or JSON");
        }
    }
}
