package org.casepulse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.casepulse.registry.RegistryHttp.Reply;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The embedded registry takes changes from this machine only, unless it requires credentials. */
class WriteProtectionTest {
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    @ParameterizedTest(name = "{0} {1} from {2}, credentials required={3}: allowed={4}")
    @CsvSource({
        "POST, /subjects/s-value/versions, 192.0.2.7, false, false",
        "PUT, /config, 192.0.2.7, false, false",
        "PUT, /config/s-value, 10.1.2.3, false, false",
        "DELETE, /subjects/s-value, 2001:db8::1, false, false",
        "DELETE, /config, [2001:db8::1], false, false",
        "POST, /subjects/s-value/versions, 192.0.2.7, true, true",
        "DELETE, /subjects/s-value, 192.0.2.7, true, true",
        "POST, /subjects/s-value/versions, 127.0.0.1, false, true",
        "POST, /subjects/s-value/versions, 127.8.9.10, false, true",
        "DELETE, /subjects/s-value, 0:0:0:0:0:0:0:1, false, true",
        "PUT, /config, [::1], false, true",
        "GET, /subjects, 192.0.2.7, false, true",
        "GET, /schemas/ids/1, 192.0.2.7, false, true",
        "POST, /subjects/s-value, 192.0.2.7, false, true",
        "POST, /compatibility/subjects/s-value/versions/latest, 192.0.2.7, false, true",
        "POST, /subjects/s-value/versions, localhost, false, false",
        "POST, /subjects/s-value/versions, , false, false",
    })
    void shouldAllowChangesFromThisMachineOrWithCredentialsOnly(String method, String path, String remote,
                                                                boolean credentialsRequired, boolean allowed) {
        assertThat(WriteProtection.allows(method, path, remote, credentialsRequired)).isEqualTo(allowed);
    }

    @Test
    void shouldAcceptChangesOverLoopback() {
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            RegistryHttp http = new RegistryHttp(registry.url());

            assertThat(http.post("/subjects/s-value/versions", Map.of("schema", SCHEMA)).status()).isEqualTo(200);
            assertThat(http.put("/config", Map.of("compatibility", "NONE")).status()).isEqualTo(200);
            assertThat(http.delete("/subjects/s-value").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseChangesFromAnotherAddressButServeReads() {
        InetAddress external = nonLoopbackAddress().orElse(null);
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address to call from");
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("0.0.0.0", 0)) {
            new RegistryHttp(registry.url()).register("s-value", SCHEMA);
            String port = registry.url().substring(registry.url().lastIndexOf(':') + 1);
            RegistryHttp remote = new RegistryHttp("http://" + external.getHostAddress() + ":" + port);

            Reply register = remote.post("/subjects/t-value/versions", Map.of("schema", SCHEMA));
            Reply config = remote.put("/config", Map.of("compatibility", "NONE"));
            Reply delete = remote.delete("/subjects/s-value");

            assertThat(register.status()).isEqualTo(403);
            assertThat(register.errorCode()).isEqualTo(ErrorCodes.FORBIDDEN);
            assertThat(register.message()).contains("from " + external.getHostAddress());
            assertThat(config.status()).isEqualTo(403);
            assertThat(delete.status()).isEqualTo(403);
            assertThat(remote.get("/subjects").body().toString()).isEqualTo("[\"s-value\"]");
            assertThat(remote.post("/subjects/s-value", Map.of("schema", SCHEMA)).status()).as("look-up only reads").isEqualTo(200);
        }
    }

    @Test
    void shouldAcceptChangesFromAnotherAddressWithCredentials() {
        InetAddress external = nonLoopbackAddress().orElse(null);
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address to call from");
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().requireBasicAuth("fred:s3cret").start("0.0.0.0", 0)) {
            String port = registry.url().substring(registry.url().lastIndexOf(':') + 1);
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(java.util.List.of("http://" + external.getHostAddress()
                    + ":" + port), "fred:s3cret", java.time.Duration.ofSeconds(5));

            assertThat(client.register("s-value", new org.apache.avro.Schema.Parser().parse(SCHEMA))).isEqualTo(1);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(WriteProtectionTest::isUp)
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
