package org.safecity.partners.internal.cameras;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which hosts SafeCity fetches from when a premises' manager names them (an RTSP stream, an ONVIF device,
 * the media service or stream a device points to): the server would otherwise reach, on a stranger's
 * word, addresses only it can reach. Refused unless {@code allowed} names them: loopback, link-local
 * (where cloud metadata services answer), unspecified, multicast, and every network in {@code denied}
 * (the Authority's own ranges). Every address a name resolves to must pass.
 *
 * @param allowed networks fetched even though a rule above would refuse them (e.g. a partners' VPN range)
 * @param denied the Authority's internal networks
 */
record AddressPolicy(List<Network> allowed, List<Network> denied) {

    AddressPolicy {
        allowed = List.copyOf(allowed);
        denied = List.copyOf(denied);
    }

    /** A network in CIDR form, e.g. {@code 10.20.0.0/16} or {@code fd00::/8}; a bare address is its own network. */
    record Network(byte[] base, int prefix, String text) {

        static Network parse(String cidr) {
            String s = cidr.strip();
            int slash = s.indexOf('/');
            String host = slash < 0 ? s : s.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not a network: " + cidr); // a name would be looked up: only numbers
            }
            byte[] base;
            try {
                base = InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a network: " + cidr, e);
            }
            int prefix = slash < 0 ? base.length * 8 : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > base.length * 8) {
                throw new IllegalArgumentException("not a network: " + cidr);
            }
            return new Network(base, prefix, s);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Parses the settings' comma-separated lists; blank means none. */
    static AddressPolicy of(String allowed, String denied) {
        return new AddressPolicy(networks(allowed), networks(denied));
    }

    private static List<Network> networks(String list) {
        var networks = new ArrayList<Network>();
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    networks.add(Network.parse(s));
                }
            }
        }
        return networks;
    }

    /** Why SafeCity will not fetch from {@code host}, in words its manager can act on; empty when it may. */
    Optional<String> refusal(String host) {
        return refusal(host, name -> {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                return List.of();
            }
        });
    }

    /** As {@link #refusal(String)}, with the name looked up by {@code resolve} (no answer: unknown). */
    Optional<String> refusal(String host, Function<String, List<InetAddress>> resolve) {
        if (host == null || host.isBlank()) {
            return Optional.of("The address names no host.");
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = resolve.apply(name);
        if (addresses.isEmpty()) {
            return Optional.of("The host name " + name + " could not be found: check the address.");
        }
        for (InetAddress address : addresses) {
            var why = why(address);
            if (why.isPresent()) {
                String shown = name.equals(address.getHostAddress()) ? name : name + " (" + address.getHostAddress() + ")";
                return Optional.of("SafeCity does not connect to " + shown + ": it is " + why.get()
                    + ". Give the address at which the camera or recorder can be reached from the Safe City network.");
            }
        }
        return Optional.empty();
    }

    private Optional<String> why(InetAddress address) {
        if (allowed.stream().anyMatch(n -> n.contains(address))) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("the server's own (loopback) address");
        }
        if (address.isLinkLocalAddress() || isMetadata(address)) {
            return Optional.of("a link-local address, where cloud metadata services answer");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("no particular host (an unspecified address)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet6Address v6 && mappedV4(v6).isPresent()) {
            return why(mappedV4(v6).get());
        }
        if (denied.stream().anyMatch(n -> n.contains(address))) {
            return Optional.of("inside the Authority's own network");
        }
        return Optional.empty();
    }

    /** fd00:ec2::254 is the IPv6 metadata service of one large cloud; 169.254.169.254 is link-local already. */
    private static boolean isMetadata(InetAddress address) {
        return address instanceof Inet6Address && address.getHostAddress().equals("fd00:ec2:0:0:0:0:0:254");
    }

    /** An IPv4 address written as IPv6 (::ffff:a.b.c.d, or ::a.b.c.d) is judged as the IPv4 address it is. */
    private static Optional<InetAddress> mappedV4(Inet6Address v6) {
        byte[] a = v6.getAddress();
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = a[10] == 0 && a[11] == 0 && (a[12] | a[13] | a[14]) != 0;
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet4Address.getByAddress(new byte[] {a[12], a[13], a[14], a[15]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
