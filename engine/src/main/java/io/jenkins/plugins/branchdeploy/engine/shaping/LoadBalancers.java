package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code LoadBalancer} Services into {@code ClusterIP} ones: in an environment per branch, a
 * cloud load balancer per branch costs money and public addresses, and the environment's host
 * reaches the app through an Ingress or a Gateway instead. Fields only a load balancer or a node
 * port may have are dropped, as the API server refuses them on a {@code ClusterIP} Service.
 */
final class LoadBalancers {

    static final String LOAD_BALANCER = "LoadBalancer";

    private LoadBalancers() {}

    /**
     * Changes the manifests' load balancers in place.
     *
     * @return one line per changed Service, e.g. {@code Service/frontend-external: LoadBalancer -> ClusterIP}
     */
    static List<String> toClusterIp(List<RenderedManifest> manifests) {
        List<String> changed = new ArrayList<>();
        for (RenderedManifest manifest : manifests) {
            if (manifest.resource() instanceof Service service && service.getSpec() != null
                    && LOAD_BALANCER.equals(service.getSpec().getType())) {
                clusterIp(service.getSpec());
                changed.add(manifest.kindAndName() + ": LoadBalancer -> ClusterIP");
            }
        }
        return changed;
    }

    private static void clusterIp(ServiceSpec spec) {
        spec.setType("ClusterIP");
        spec.setLoadBalancerIP(null);
        spec.setLoadBalancerClass(null);
        spec.setLoadBalancerSourceRanges(null);
        spec.setAllocateLoadBalancerNodePorts(null);
        spec.setExternalTrafficPolicy(null);
        spec.setHealthCheckNodePort(null);
        if (spec.getPorts() != null) {
            for (ServicePort port : spec.getPorts()) {
                port.setNodePort(null);
            }
        }
    }
}
