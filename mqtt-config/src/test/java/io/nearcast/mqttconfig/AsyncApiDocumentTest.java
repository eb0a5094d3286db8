package io.nearcast.mqttconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.kernel.domain.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) stays true to the code: one channel per
 * {@link Topic}, addressed by its template, with its parameters, and one operation per channel
 * in Nearcast's direction. Adding a topic to the enum without documenting it fails here.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "/asyncapi.yaml";
    private static final String CHANNEL_REF_PREFIX = "#/channels/";

    private static Map<String, Object> document;

    @BeforeAll
    static void loadDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath").isNotNull();
            document = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), "document");
        }
    }

    @Test
    void declaresAsyncApi3() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(document).containsKeys("info", "servers", "channels", "operations", "components");
    }

    @Test
    void documentsEveryTopicAndNoOther() {
        Set<String> templates = Arrays.stream(Topic.values()).map(Topic::template).collect(Collectors.toSet());

        assertThat(channelAddresses()).containsExactlyInAnyOrderElementsOf(templates);
    }

    @Test
    void declaresTheParametersOfEveryTopicLevel() {
        for (Topic topic : Topic.values()) {
            Map<String, Object> channel = channels().get(channelIdOf(topic));

            assertThat(parameterNames(channel)).as("parameters of %s", topic.template())
                    .containsExactlyElementsOf(topic.parameterNames());
        }
    }

    @Test
    void referencesEveryChannelFromExactlyOneOperationInNearcastsDirection() {
        for (Topic topic : Topic.values()) {
            List<Map<String, Object>> operations = operationsOn(channelIdOf(topic));

            assertThat(operations).as("operations on %s", topic.template()).hasSize(1);
            assertThat(operations.get(0).get("action")).as("action on %s", topic.template())
                    .isEqualTo(nearcastAction(topic));
        }
    }

    @Test
    void describesEveryPayloadAsAnObjectWithRequiredFields() {
        for (Map.Entry<String, Map<String, Object>> channel : channels().entrySet()) {
            List<Map<String, Object>> messages = messagesOf(channel.getValue());
            assertThat(messages).as("messages of channel %s", channel.getKey()).isNotEmpty();

            for (Map<String, Object> message : messages) {
                Map<String, Object> payload = map(resolve(message.get("payload")), "payload in " + channel.getKey());
                assertThat(payload.get("type")).as("payload type in %s", channel.getKey()).isEqualTo("object");
                assertThat(requiredFields(payload)).as("required fields in %s", channel.getKey()).isNotEmpty();
                assertThat(propertyNames(payload)).as("properties in %s", channel.getKey())
                        .containsAll(requiredFields(payload));
            }
        }
    }

    @Test
    void resolvesEveryReference() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(follow(reference)).as("target of %s", reference).isNotNull();
        }
    }

    /** Nearcast receives what devices and shopper apps publish and sends everything else. */
    private static String nearcastAction(Topic topic) {
        return switch (topic) {
            case SCANNER_SIGHTINGS, SHOPPER_SIGHTINGS, STORE_CONTEXT -> "receive";
            case SHOPPER_OFFERS, DEVICE_REJECTS, SHOPPER_REJECTS, ZONE_EVENTS, INTERNAL_SIGHTINGS -> "send";
        };
    }

    private static Map<String, Map<String, Object>> channels() {
        Map<String, Object> channels = map(document.get("channels"), "channels");
        return channels.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> map(entry.getValue(), "channel " + entry.getKey())));
    }

    private static List<String> channelAddresses() {
        return channels().values().stream().map(channel -> (String) channel.get("address")).toList();
    }

    private static String channelIdOf(Topic topic) {
        List<String> ids = channels().entrySet().stream()
                .filter(entry -> topic.template().equals(entry.getValue().get("address")))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ids).as("channels addressed %s", topic.template()).hasSize(1);
        return ids.get(0);
    }

    private static List<String> parameterNames(Map<String, Object> channel) {
        Object parameters = channel.get("parameters");
        return parameters == null ? List.of() : List.copyOf(map(parameters, "parameters").keySet());
    }

    private static List<Map<String, Object>> operationsOn(String channelId) {
        Map<String, Object> operations = map(document.get("operations"), "operations");
        return operations.values().stream()
                .map(operation -> map(operation, "operation"))
                .filter(operation -> (CHANNEL_REF_PREFIX + channelId).equals(reference(operation.get("channel"))))
                .toList();
    }

    private static List<Map<String, Object>> messagesOf(Map<String, Object> channel) {
        Object messages = channel.get("messages");
        if (messages == null) {
            return List.of();
        }
        return map(messages, "messages").values().stream().map(message -> map(resolve(message), "message")).toList();
    }

    private static List<String> requiredFields(Map<String, Object> schema) {
        Object required = schema.get("required");
        return required instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Set<String> propertyNames(Map<String, Object> schema) {
        Object properties = schema.get("properties");
        return properties == null ? Set.of() : map(properties, "properties").keySet();
    }

    /** The object a {@code $ref} points to (followed repeatedly), or the node itself. */
    private static Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; reference(current) != null; hops++) {
            assertThat(hops).as("$ref chain too long at %s", reference(current)).isLessThan(10);
            current = follow(reference(current));
        }
        return current;
    }

    private static String reference(Object node) {
        return node instanceof Map<?, ?> map && map.get("$ref") instanceof String ref ? ref : null;
    }

    /** Follows a local JSON pointer such as {@code #/components/messages/offer}; null when it leads nowhere. */
    private static Object follow(String reference) {
        assertThat(reference).as("only local references are used").startsWith("#/");
        Object current = document;
        for (String token : reference.substring(2).split("/")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(token.replace("~1", "/").replace("~0", "~"));
        }
        return current;
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> map) {
            String reference = reference(map);
            if (reference != null) {
                references.add(reference);
            }
            map.values().forEach(value -> collectReferences(value, references));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
