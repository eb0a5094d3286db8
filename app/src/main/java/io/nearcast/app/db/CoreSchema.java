package io.nearcast.app.db;

import io.micronaut.context.annotation.Factory;
import io.nearcast.kernel.persistence.SchemaModule;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The server's own tables (installation facts); each module contributes its {@link SchemaModule} the same way. */
@Factory
class CoreSchema {

    @Singleton
    @Named("core")
    SchemaModule core() {
        return new SchemaModule("core", "db/core");
    }
}
