package org.placementtracker.common;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which client a request comes from when it passes through load balancers: the TCP peer, unless
 * the peer is a trusted proxy; then X-Forwarded-For is read from the right (each proxy appends the
 * address it received from), skipping trusted proxies, and the first other address is the client.
 * Addresses a client wrote into the header itself sit further left and are never reached.
 */
final class TrustedProxies {

    private record Range(byte[] network, int prefix) {}

    private final List<Range> ranges = new ArrayList<>();

    /** Each entry an address ({@code 10.0.0.5}) or a range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    TrustedProxies(List<String> entries) {
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or range: " + trimmed);
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("not an IP address or range: " + trimmed);
            }
            ranges.add(new Range(address, prefix));
        }
    }

    String clientOf(String peer, List<String> forwardedFor) {
        if (!trusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return "malformed-forwarded-for:" + peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    boolean trusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.network().length == bytes.length && samePrefix(range.network(), bytes, range.prefix())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        if (prefix == 0) {
            return true;
        }
        int shift = a.length * 8 - prefix;
        return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, b).shiftRight(shift));
    }

    /** The address's bytes if it is an IP literal (never a name: nothing here may cause a DNS lookup). */
    private static byte[] literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                && Arrays.stream(bare.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
