package io.nearcast.app.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.nearcast.app.config.Setting;
import io.nearcast.app.config.Settings;
import io.nearcast.app.runtime.PortChoice;
import jakarta.inject.Singleton;

/** Gives Micronaut's HTTP server the port from {@code NEARCAST_HTTP_PORT}, after Nearcast's own port choice. */
@Singleton
final class HttpPortBinding implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    private final Settings settings;

    HttpPortBinding(Settings settings) {
        this.settings = settings;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration configuration = event.getBean();
        configuration.setPort(PortChoice.choose(Setting.HTTP_PORT, settings.httpPort(), PortChoice.Transport.TCP));
        return configuration;
    }
}
