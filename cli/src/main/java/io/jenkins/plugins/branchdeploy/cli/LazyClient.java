package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A cluster client that connects on its first use: reading the kubeconfig and starting an HTTP
 * client cost a command that turns out not to need the cluster (a diff of two sets of manifests,
 * bad input found first) a large part of its run.
 */
final class LazyClient implements InvocationHandler {

    private final Supplier<KubernetesClient> connect;
    private KubernetesClient client;

    private LazyClient(Supplier<KubernetesClient> connect) {
        this.connect = connect;
    }

    static KubernetesClient of(Supplier<KubernetesClient> connect) {
        return (KubernetesClient) Proxy.newProxyInstance(KubernetesClient.class.getClassLoader(),
                new Class<?>[] {KubernetesClient.class}, new LazyClient(connect));
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0 && client == null) {
            return null;
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "LazyClient[" + (client == null ? "not connected" : client) + "]";
            };
        }
        if (client == null) {
            client = connect.get();
        }
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
