package app.quizroom.config;

import app.quizroom.config.LanAddresses.Candidate;
import app.quizroom.config.LanAddresses.Interface;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which of a laptop's addresses phones are sent to, from a faked list of interfaces and a faked route table. */
class LanAddressesTest {

    private static final String HEADER =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";

    private static Interface up(String name, String... addresses) {
        return new Interface(name, true, false, false, Arrays.stream(addresses).map(LanAddressesTest::v4).toList());
    }

    private static Inet4Address v4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal); // a literal: nothing is looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A route line of /proc/net/route: destination, gateway and mask in little-endian hex. */
    private static String route(String iface, String destination, String mask, int flags, int metric) {
        return String.join("\t", iface, destination, "0101A8C0", String.format("%04X", flags), "0", "0",
                String.valueOf(metric), mask, "0", "0", "0");
    }

    private static List<String> addresses(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.interfaceName() + " " + c.address()).toList();
    }

    /** The laptop of the issue: Docker's bridge listed before the Wi-Fi, a VM bridge and a VPN besides. */
    private static final List<Interface> TEACHERS_LAPTOP = List.of(
            new Interface("lo", true, true, false, List.of(v4("127.0.0.1"))),
            up("docker0", "172.17.0.1"),
            up("br-5f2a1c", "172.18.0.1"),
            up("veth12ab", "169.254.3.7"),
            up("virbr0", "192.168.122.1"),
            up("vboxnet0", "192.168.56.1"),
            up("tun0", "10.8.0.6"),
            up("wg0", "10.66.0.2"),
            up("tailscale0", "100.101.102.103"),
            up("enp0s31f6", "10.20.30.40"),
            up("wlp2s0", "192.168.1.20"));

    @Test
    void theDefaultRoutesInterfaceComesFirstAndBridgesContainersVmsAndVpnsAreLeftOut() {
        List<String> routes = LanAddresses.defaultRoutes(List.of(HEADER,
                route("wlp2s0", "00000000", "00000000", 0x3, 600),
                route("wlp2s0", "0001A8C0", "00FFFFFF", 0x1, 600),
                route("docker0", "000011AC", "0000FFFF", 0x1, 0),
                route("tun0", "00000080", "00000080", 0x3, 50)));
        assertEquals(List.of("wlp2s0"), routes, "a VPN's half-default routes (128.0.0.0/1) are not the default");
        assertEquals(List.of("wlp2s0 192.168.1.20", "enp0s31f6 10.20.30.40"),
                addresses(LanAddresses.rank(TEACHERS_LAPTOP, routes)));
    }

    @Test
    void withoutARouteTableTheSystemsOrderStandsPrivateAddressesFirst() {
        List<Interface> nics = List.of(up("en0", "203.0.113.9", "192.168.1.20"), up("en5", "10.0.0.4"),
                up("utun3", "10.99.0.1"), up("zt7nnig26", "10.147.17.3"), up("vmnet8", "172.16.5.1"),
                up("tap0", "10.1.1.1"));
        assertEquals(List.of("en0 192.168.1.20", "en5 10.0.0.4", "en0 203.0.113.9"),
                addresses(LanAddresses.rank(nics, LanAddresses.defaultRoutes(List.of()))));
    }

    @Test
    void twoDefaultRoutesAreTakenByMetricAndADownRouteIsIgnored() {
        List<String> routes = LanAddresses.defaultRoutes(List.of(HEADER,
                route("wlp2s0", "00000000", "00000000", 0x3, 600),
                route("enp0s31f6", "00000000", "00000000", 0x3, 100),
                route("eth9", "00000000", "00000000", 0x2, 1)));
        assertEquals(List.of("enp0s31f6", "wlp2s0"), routes);
        assertEquals(List.of("enp0s31f6 10.20.30.40", "wlp2s0 192.168.1.20"),
                addresses(LanAddresses.rank(TEACHERS_LAPTOP, routes)));
    }

    @Test
    void aDefaultRouteThroughAVpnDoesNotMakeTheTunnelTheJoinAddress() {
        List<String> routes = LanAddresses.defaultRoutes(List.of(HEADER,
                route("tun0", "00000000", "00000000", 0x3, 50),
                route("wlp2s0", "00000000", "00000000", 0x3, 600)));
        assertEquals("wlp2s0 192.168.1.20", addresses(LanAddresses.rank(TEACHERS_LAPTOP, routes)).get(0));
    }

    @Test
    void interfacesThatAreDownLoopbackOrAliasesAndLinkLocalAddressesAreNeverOffered() {
        List<Interface> nics = List.of(
                new Interface("eth0", false, false, false, List.of(v4("192.168.1.5"))),
                new Interface("eth0:1", true, false, true, List.of(v4("192.168.1.6"))),
                new Interface("lo", true, true, false, List.of(v4("127.0.0.1"))),
                up("eth1", "169.254.10.10", "10.0.0.9"));
        assertEquals(List.of("eth1 10.0.0.9"), addresses(LanAddresses.rank(nics, List.of())));
    }

    @Test
    void aMachineWhoseOnlyNetworkIsABridgeStillOffersIt() {
        List<Interface> nics = List.of(new Interface("lo", true, true, false, List.of(v4("127.0.0.1"))),
                up("docker0", "172.17.0.1"));
        assertEquals(List.of("docker0 172.17.0.1"), addresses(LanAddresses.rank(nics, List.of())));
        assertEquals(List.of(), LanAddresses.rank(List.of(nics.get(0)), List.of()), "no network: nothing");
    }

    @Test
    void skippedNamesAreMatchedByPrefixIgnoringCase() {
        Map<String, Boolean> names = Map.of("docker0", true, "br-1a2b", true, "br0", false, "Tailscale", true,
                "wlan0", false, "wlp2s0", false, "eth0", false, "en0", false, "utun2", true, "veth9c", true);
        names.forEach((name, skipped) -> assertEquals(skipped, LanAddresses.skipped(name), name));
    }

    @Test
    void anUnsetPublicUrlLeavesTheChoiceToTheServer() {
        assertNull(Config.fromEnv(Map.of()).publicUrl());
        assertNull(Config.fromEnv(Map.of("QUIZROOM_PUBLIC_URL", " ")).publicUrl());
        assertEquals("https://quiz.school.example", Config.fromEnv(Map.of("QUIZROOM_PUBLIC_URL",
                "https://quiz.school.example/")).publicUrl());
    }
}
