package io.nearcast.app.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One command of Mosquitto's dynamic-security plugin (its control API on
 * {@code $CONTROL/dynamic-security/v1}); unset fields are left out of the JSON.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record DynsecCommand(String command, @Nullable String username, @Nullable String password, @Nullable String rolename,
                     @Nullable List<RoleRef> roles, @Nullable List<Acl> acls, @Nullable String correlationData) {

    /** A role granted to a client. */
    @Serdeable
    record RoleRef(String rolename) {
    }

    /**
     * One access rule; {@code acltype} is e.g. {@code publishClientSend} or {@code subscribeLiteral}.
     */
    @Serdeable
    record Acl(String acltype, String topic, boolean allow) {
    }

    static DynsecCommand createRole(String role, List<Acl> acls) {
        return new DynsecCommand("createRole", null, null, role, null, acls, null);
    }

    static DynsecCommand deleteRole(String role) {
        return new DynsecCommand("deleteRole", null, null, role, null, null, null);
    }

    static DynsecCommand createClient(String username, String password, String role) {
        return new DynsecCommand("createClient", username, password, null, List.of(new RoleRef(role)), null, null);
    }

    static DynsecCommand addClientRole(String username, String role) {
        return new DynsecCommand("addClientRole", username, null, role, null, null, null);
    }

    static DynsecCommand getClient(String username) {
        return new DynsecCommand("getClient", username, null, null, null, null, null);
    }

    static DynsecCommand setClientPassword(String username, String password) {
        return new DynsecCommand("setClientPassword", username, password, null, null, null, null);
    }

    static DynsecCommand enableClient(String username) {
        return new DynsecCommand("enableClient", username, null, null, null, null, null);
    }

    static DynsecCommand disableClient(String username) {
        return new DynsecCommand("disableClient", username, null, null, null, null, null);
    }

    static DynsecCommand deleteClient(String username) {
        return new DynsecCommand("deleteClient", username, null, null, null, null, null);
    }

    DynsecCommand correlated(String id) {
        return new DynsecCommand(command, username, password, rolename, roles, acls, id);
    }

    @Override
    public String toString() {
        return command + (username == null ? "" : " " + username) + (rolename == null ? "" : " role " + rolename);
    }
}
