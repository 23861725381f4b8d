package io.jenkins.plugins.branchdeploy.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sandbox's front door on loopback: forwards every connection to the mock server, reading each
 * request's head and body on the way, so that a planned {@link Faults#disconnectOnce disconnect}
 * can close the client's connection after its request arrived and before any answer, as a dropped
 * connection or a restarting API server does. The mock server itself cannot drop a connection.
 */
final class ConnectionFront implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Faults faults;
    private final RequestLog requests;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sandbox-front");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionFront(int port, int upstreamPort, Faults faults, RequestLog requests) throws IOException {
        this.listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.faults = faults;
        this.requests = requests;
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            threads.execute(() -> pump(server, client));
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = server.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                if (faults.takeDisconnect(requestLine[0], requestLine[1])) {
                    requests.record(requestLine[0], requestLine[1]);
                    return; // closes both connections without an answer
                }
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                String lower = head.toLowerCase(Locale.ROOT);
                if (lower.contains("\r\nupgrade:") || lower.contains("\r\ntransfer-encoding:")) {
                    in.transferTo(out); // a web socket or a streamed body: no more requests to look at
                    return;
                }
                out.write(in.readNBytes(contentLength(lower)));
                out.flush();
            }
        } catch (IOException e) {
            // one side closed the connection: so does the other
        }
    }

    /** The request head up to and including the blank line, or {@code null} at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String lowerCaseHead) {
        int at = lowerCaseHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int start = at + "\r\ncontent-length:".length();
        return Integer.parseInt(lowerCaseHead.substring(start, lowerCaseHead.indexOf("\r\n", start)).trim());
    }

    private static void pump(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdownNow();
    }
}
