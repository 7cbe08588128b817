package app.quizroom.config;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IPv4 addresses of this machine that phones on the class's network may reach, best first: the first is where
 * the join link and its QR code point unless the teacher picks another on the setup page.
 *
 * <p>A teacher's laptop often has interfaces that no phone can reach: Docker's bridge ({@code docker0},
 * 172.17.0.1), a virtual machine's host-only network, a VPN tunnel. Those are left out by name. The interface that
 * carries the default route comes first (read from {@code /proc/net/route} on Linux; elsewhere the system's order
 * of interfaces stands), because it is the one on the Wi-Fi or cable the class shares; private (site-local)
 * addresses come before public ones.
 */
public final class LanAddresses {

    /** Name prefixes of container and VM bridges, virtual Ethernet pairs and VPN tunnels. */
    static final List<String> SKIPPED = List.of("docker", "br-", "virbr", "veth", "vmnet", "vboxnet", "tun", "tap",
            "wg", "utun", "zt", "tailscale");
    private static final Path ROUTE_TABLE = Path.of("/proc/net/route");

    /** An address phones may be sent to, and the interface that has it (for the teacher to recognise). */
    public record Candidate(String address, String interfaceName) {
    }

    /** What the ranking needs to know of a network interface. */
    public record Interface(String name, boolean up, boolean loopback, boolean virtual, List<Inet4Address> addresses) {
        public Interface {
            addresses = List.copyOf(addresses);
        }
    }

    private LanAddresses() {
    }

    /** This machine's candidates, read now (a laptop may have changed networks since the server started). */
    public static List<Candidate> ofThisMachine() {
        List<String> routes;
        try {
            routes = Files.isReadable(ROUTE_TABLE) ? Files.readAllLines(ROUTE_TABLE) : List.of();
        } catch (IOException e) {
            routes = List.of();
        }
        return rank(interfaces(), defaultRoutes(routes));
    }

    /**
     * The candidates, best first: interfaces that are up, not loopback, not a sub-interface, with IPv4 addresses
     * that are neither loopback nor link-local; bridges, containers, VMs and VPNs left out by name unless nothing
     * else is left. Interfaces carrying a default route first (lowest metric first), then private addresses before
     * public ones, then the order given.
     *
     * @param defaultRoutes the interfaces that carry a default route, preferred first
     */
    public static List<Candidate> rank(List<Interface> interfaces, List<String> defaultRoutes) {
        List<Candidate> reachable = candidates(interfaces, defaultRoutes, false);
        return reachable.isEmpty() ? candidates(interfaces, defaultRoutes, true) : reachable;
    }

    private static List<Candidate> candidates(List<Interface> interfaces, List<String> defaultRoutes,
                                              boolean withSkipped) {
        record Ranked(Candidate candidate, int route, boolean siteLocal, int order) {
        }
        List<Ranked> found = new ArrayList<>();
        for (Interface nic : interfaces) {
            if (!nic.up() || nic.loopback() || nic.virtual() || (!withSkipped && skipped(nic.name()))) {
                continue;
            }
            int route = defaultRoutes.indexOf(nic.name());
            for (Inet4Address address : nic.addresses()) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && !address.isAnyLocalAddress()) {
                    found.add(new Ranked(new Candidate(address.getHostAddress(), nic.name()),
                            route < 0 ? Integer.MAX_VALUE : route, address.isSiteLocalAddress(), found.size()));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Ranked::route)
                        .thenComparing(r -> !r.siteLocal())
                        .thenComparingInt(Ranked::order))
                .map(Ranked::candidate).toList();
    }

    /** True for an interface of a container or VM bridge, a virtual Ethernet pair or a VPN. */
    static boolean skipped(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SKIPPED.stream().anyMatch(lower::startsWith);
    }

    /**
     * The interfaces with a default route in a Linux route table ({@code /proc/net/route}: a header line, then
     * {@code Iface Destination Gateway Flags RefCnt Use Metric Mask …} in hex), lowest metric first. A default
     * route has destination and mask 00000000 and the "up" flag.
     */
    public static List<String> defaultRoutes(List<String> routeTable) {
        Map<Long, List<String>> byMetric = new TreeMap<>();
        for (String line : routeTable) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            try {
                if ((Integer.parseInt(f[3], 16) & 1) == 0) {
                    continue;
                }
                long metric = Long.parseLong(f[6]);
                List<String> names = byMetric.computeIfAbsent(metric, m -> new ArrayList<>());
                if (!names.contains(f[0])) {
                    names.add(f[0]);
                }
            } catch (NumberFormatException e) {
                // not a route line (the header): skip it
            }
        }
        List<String> routes = new ArrayList<>();
        byMetric.values().forEach(names -> names.stream().filter(n -> !routes.contains(n)).forEach(routes::add));
        return routes;
    }

    private static List<Interface> interfaces() {
        List<Interface> list = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<Inet4Address> v4 = new ArrayList<>();
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address a) {
                        v4.add(a);
                    }
                }
                list.add(new Interface(nic.getName(), nic.isUp(), nic.isLoopback(), nic.isVirtual(), v4));
            }
        } catch (SocketException ignored) {
            // no interfaces to list: none then
        }
        return list;
    }
}
