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

/** Adapts {@link PskDirectory} to Scandium's server-side PSK store; answers synchronously. */
final class DirectoryPskStore implements AdvancedPskStore {

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
        Optional<byte[]> key = directory.pskFor(identity.getPublicInfoAsString());
        SecretKey secret = key.map(bytes -> {
            SecretKey created = SecretUtil.create(bytes, PskSecretResult.ALGORITHM_PSK);
            Arrays.fill(bytes, (byte) 0);
            return created;
        }).orElse(null);
        return new PskSecretResult(cid, identity, secret);
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
