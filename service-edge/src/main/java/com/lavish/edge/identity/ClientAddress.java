package com.lavish.edge.identity;

import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for a per-address limit (the storefront's, and event-consumer's admin login
 * throttle), from hops we trust only. The API gateway in front of a service appends the address it saw to
 * {@code X-Forwarded-For}; anything to the left of that was written by whoever sent the request. So the header is
 * read from the right, and only when the connection comes from a trusted proxy:
 * <ul>
 * <li>the direct API ({@code /api/...}): the gateway's entry, the last one, is the client;</li>
 * <li>the app proxy ({@code /proxy/...}): the gateway saw Shopify's proxy, and Shopify appended the shopper's address
 * before it (docs/shopify-reference.md §2), so the shopper is the last but one; the caller asks this only once
 * Shopify's signature has verified, since anyone else could have written that entry.</li>
 * </ul>
 * A connection from anywhere else is its own client, whatever its header says.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Block> trusted;

    /** @param trustedProxies {@code storefront.rate-limit.address.trusted-proxies}: addresses and CIDR blocks */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Block::parse).toList();
    }

    public String of(HttpServerRequest request, boolean viaAppProxy) {
        String peer =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (peer == null) {
            return "unknown";
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        int client = hops.length - (viaAppProxy ? 2 : 1);
        // an app-proxy request that reached us with one hop only: the last is the best we have
        String address = hops[Math.max(0, client)].trim();
        return plausible(address) ? address : peer;
    }

    private boolean trusted(String peer) {
        byte[] address = literal(peer);
        return address != null && trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An IP literal: dotted IPv4, or IPv6 (it has a colon); never a name, which would be looked up. */
    private static boolean plausible(String address) {
        return !address.isEmpty()
                && address.length() <= MAX_LENGTH
                && (IPV4.matcher(address).matches()
                        || (address.indexOf(':') >= 0
                                && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')));
    }

    /** The bytes of an IP literal; null for anything else. */
    private static byte[] literal(String address) {
        if (!plausible(address)) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits) {

        static Block parse(String block) {
            String[] parts = block.trim().split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("storefront.rate-limit.address.trusted-proxies: '" + block
                        + "' is not an IP address or CIDR block");
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("storefront.rate-limit.address.trusted-proxies: '" + block
                        + "' has a prefix longer than its address");
            }
            return new Block(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
