package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import java.util.List;
import java.util.stream.Collectors;

/** The port of a Service of the manifests that something routes to: the exposure's, the webhooks'. */
public final class ServicePorts {

    private ServicePorts() {}

    /**
     * @param field the option or parameter that named the Service, named in errors, e.g. {@code expose}
     * @param verb what the user does with a Service in the fix the error suggests, e.g. {@code expose}
     * @return the port number {@code target} names, or the Service's only port
     * @throws InvalidInputException when the manifests have no such Service or port, or the port is ambiguous
     */
    public static int of(String field, String verb, Exposure target, List<RenderedManifest> manifests) {
        Service service = manifests.stream().map(RenderedManifest::resource).filter(Service.class::isInstance)
                .map(Service.class::cast).filter(s -> target.service().equals(s.getMetadata().getName()))
                .findFirst().orElseThrow(() -> new InvalidInputException(field, "the manifests have no Service '"
                        + target.service() + "'; " + verb + " one of " + serviceNames(manifests)));
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        if (target.port() == null && ports.size() == 1) {
            return ports.get(0).getPort();
        }
        for (ServicePort port : ports) {
            if (target.port() != null && (target.port().equals(String.valueOf(port.getPort())) || target.port().equals(port.getName()))) {
                return port.getPort();
            }
        }
        String name = service.getMetadata().getName();
        if (ports.isEmpty()) {
            throw new InvalidInputException(field, "Service '" + name + "' has no ports; give it the port the app listens on");
        }
        String choices = ports.stream().map(p -> p.getPort() + (p.getName() == null ? "" : " (" + p.getName() + ")"))
                .collect(Collectors.joining(", "));
        throw new InvalidInputException(field, "Service '" + name + "' has " + (target.port() == null
                ? "several ports, " + choices + "; say which, e.g. " + name + ":" + ports.get(0).getPort()
                : "no port " + target.port() + "; it has " + choices));
    }

    private static String serviceNames(List<RenderedManifest> manifests) {
        List<String> services = manifests.stream().filter(m -> m.resource() instanceof Service).map(RenderedManifest::name).sorted().toList();
        return services.isEmpty() ? "them, but they have none: add a Service for the app" : String.join(", ", services);
    }
}
