package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.web.router.Router;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

/** The served OpenAPI document lists exactly the routes the server has: no undocumented endpoint, no phantom one. */
@Timeout(120)
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    @Test
    void isServedWithoutAuthenticationAsYaml() throws Exception {
        HttpResponse<String> response = server.send("GET", "/openapi.yml", java.util.Optional.empty(), java.util.Optional.empty());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(document(response.body())).containsEntry("openapi", "3.1.0");
    }

    @Test
    void documentsExactlyTheServersRoutes() throws Exception {
        Map<String, Object> document = document(server.send("GET", "/openapi.yml", java.util.Optional.empty(), java.util.Optional.empty()).body());

        assertThat(documented(document)).isEqualTo(routes());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented(Map<String, Object> document) {
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private static Set<String> routes() {
        return server.context().getBean(Router.class).uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .filter(operation -> !operation.contains(" /test/")) // test-only controllers
                .filter(operation -> !operation.startsWith("HEAD ")) // Micronaut answers HEAD for every GET
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> document(String yaml) {
        return new Yaml().load(yaml);
    }
}
