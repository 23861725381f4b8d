package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A cluster client that connects on its first use: reading the kubeconfig and starting an HTTP
 * client cost a command that turns out not to need the cluster (a diff of two sets of manifests,
 * bad input found first) a large part of its run. Or one that starts connecting at once on another
 * thread ({@link #ahead}), for a command that certainly needs the cluster after work of its own.
 */
final class LazyClient implements InvocationHandler {

    private final Supplier<KubernetesClient> connect;
    private final boolean connectingAhead;
    private KubernetesClient client;

    private LazyClient(Supplier<KubernetesClient> connect, boolean connectingAhead) {
        this.connect = connect;
        this.connectingAhead = connectingAhead;
    }

    static KubernetesClient of(Supplier<KubernetesClient> connect) {
        return proxy(new LazyClient(connect, false));
    }

    /**
     * A client that connects now, on another thread, while the command goes on; its first use waits
     * for the connection and fails as {@link #of} would have, with the same exception.
     */
    static KubernetesClient ahead(Supplier<KubernetesClient> connect) {
        FutureTask<KubernetesClient> connecting = new FutureTask<>(connect::get);
        Thread thread = new Thread(connecting, "branch-deploy-connect");
        thread.setDaemon(true);
        thread.start();
        return proxy(new LazyClient(() -> joined(connecting), true));
    }

    private static KubernetesClient proxy(LazyClient handler) {
        return (KubernetesClient) Proxy.newProxyInstance(KubernetesClient.class.getClassLoader(),
                new Class<?>[] {KubernetesClient.class}, handler);
    }

    private static KubernetesClient joined(FutureTask<KubernetesClient> connecting) {
        try {
            return connecting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to the cluster", e);
        }
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0 && client == null) {
            closeUnused();
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

    /** A connection made ahead that the command did not use (it failed first) is closed; its own failure is no one's concern. */
    private void closeUnused() {
        if (!connectingAhead) {
            return;
        }
        try {
            connect.get().close();
        } catch (RuntimeException e) {
            // the command ended without the cluster: a kubeconfig problem it never needed to know about stays unsaid
        }
    }
}
