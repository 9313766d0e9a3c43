package org.casepulse.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who may change the embedded registry. Without credentials configured, only clients on this
 * machine (loopback addresses) may register schemas, delete subjects or change compatibility: a
 * registry bound to a public interface must not let anyone on the network rewrite the contract.
 * Reads stay open to all, including the POSTs that only read (look-up of a schema under a subject,
 * compatibility checks), so remote serializers with {@code auto.register.schemas=false} work.
 */
final class WriteProtection {
    /** POST that changes state: registration. Other POSTs (look-up, compatibility check) only read. */
    private static final Pattern REGISTER = Pattern.compile("/subjects/[^/]+/versions/?");

    private WriteProtection() {}

    /**
     * @param method              the HTTP method
     * @param path                the request path, without query
     * @param remoteAddress       the client's IP address as text (never a host name: no lookup is made)
     * @param credentialsRequired whether every request must carry the configured credentials
     */
    static boolean allows(String method, String path, String remoteAddress, boolean credentialsRequired) {
        return credentialsRequired || !isChange(method, path) || isLoopback(remoteAddress);
    }

    static boolean isChange(String method, String path) {
        return switch (method) {
            case "PUT", "DELETE" -> true;
            case "POST" -> REGISTER.matcher(path).matches();
            default -> false;
        };
    }

    private static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        String literal = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1) : remoteAddress;
        try {
            // Only IP literals, which are parsed, never resolved.
            return isIpLiteral(literal) && InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String text) {
        return text.contains(":") || text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
