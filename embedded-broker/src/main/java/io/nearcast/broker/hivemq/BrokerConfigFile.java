package io.nearcast.broker.hivemq;

/** Renders HiveMQ CE's {@code config.xml} from {@link EmbeddedBrokerSettings}. */
final class BrokerConfigFile {

    private BrokerConfigFile() {
    }

    static String render(EmbeddedBrokerSettings settings) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>nearcast-mqtt</name>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard-oldest</strategy>
                        </queued-messages>
                        <session-expiry>
                            <max-interval>%d</max-interval>
                        </session-expiry>
                        <packets>
                            <max-packet-size>%d</max-packet-size>
                        </packets>
                    </mqtt>
                    <security>
                        <allow-empty-client-id>
                            <enabled>false</enabled>
                        </allow-empty-client-id>
                    </security>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(
                settings.port(),
                xml(settings.bindAddress()),
                settings.maxQueuedPerClient(),
                settings.maxSessionExpiry().toSeconds(),
                settings.maxPacketBytes(),
                settings.persistent() ? "file" : "in-memory");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
