package io.nearcast.app.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** Reads {@link Settings} from Micronaut's environment ({@code application.yml}, overridden by environment variables). */
@Factory
class SettingsFactory {

    @Singleton
    Settings settings(Environment environment) {
        return new SettingsParser(setting -> environment.getProperty(setting.key(), String.class)).parse();
    }
}
