package io.nearcast.gateway.coap;

import io.nearcast.gateway.domain.PskDirectory;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts {@link PskDirectory} to Scandium's server-side PSK store; answers synchronously. */
final class DirectoryPskStore implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPskStore.class);

    private final PskDirectory directory;

    DirectoryPskStore(PskDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity,
            String hmacAlgorithm, SecretKey otherSecret, byte[] seed, boolean useExtendedMasterSecret) {
        Optional<byte[]> key = lookUp(identity.getPublicInfoAsString());
        SecretKey secret = key.map(bytes -> {
            SecretKey created = SecretUtil.create(bytes, PskSecretResult.ALGORITHM_PSK);
            Arrays.fill(bytes, (byte) 0);
            return created;
        }).orElse(null);
        return new PskSecretResult(cid, identity, secret);
    }

    /** A directory that fails (database down, say) refuses the handshake rather than breaking the DTLS stack. */
    private Optional<byte[]> lookUp(String identity) {
        try {
            return directory.pskFor(identity);
        } catch (RuntimeException e) {
            LOG.warn("PSK lookup failed, handshake refused: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null; // server only: never starts a handshake
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // answers synchronously; no handler needed
    }
}
