package com.lavish.devstack;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The replicas of one service behind the local API gateway, on loopback: each request goes to the next replica in
 * turn (round robin), and a replica that refuses the connection (stopped, killed, not listening yet) is passed over for
 * the next one, so one replica down costs no request while another answers. Only a refused connection moves on:
 * nothing of the request has left the gateway then, so even a POST may go elsewhere. A replica that fails after it
 * took the request answers for itself (the gateway's 502), since a request must never be sent twice; so does the last
 * replica when every one refuses. The same holds for a request sent on a kept-alive connection in the moment its
 * replica dies, before the gateway has seen that connection close.
 */
final class ReplicaBalancer implements OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(ReplicaBalancer.class);

    private final List<SocketAddress> replicas;
    private final AtomicInteger next = new AtomicInteger();
    /** Replicas whose last connection was refused: only so the log says when one goes away and comes back. */
    private final Set<SocketAddress> refusing = ConcurrentHashMap.newKeySet();

    ReplicaBalancer(List<Integer> ports) {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a service behind the gateway has at least one replica");
        }
        this.replicas = ports.stream()
                .map(port -> SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .toList();
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return connect(context.client(), Math.floorMod(next.getAndIncrement(), replicas.size()), 0);
    }

    private Future<HttpClientRequest> connect(HttpClient client, int first, int tried) {
        SocketAddress replica = replicas.get((first + tried) % replicas.size());
        return client.request(new RequestOptions().setServer(replica))
                .onSuccess(request -> {
                    if (refusing.remove(replica)) {
                        LOG.infof("%s takes connections again", replica);
                    }
                })
                .recover(failure -> {
                    if (!(failure instanceof ConnectException)) {
                        return Future.failedFuture(failure);
                    }
                    if (refusing.add(replica)) {
                        LOG.warnf(
                                "%s refused the connection (%s); its requests go to the other replicas",
                                replica, failure.getMessage());
                    }
                    return tried + 1 < replicas.size()
                            ? connect(client, first, tried + 1)
                            : Future.failedFuture(failure);
                });
    }

    @Override
    public String toString() {
        return replicas.toString();
    }
}
