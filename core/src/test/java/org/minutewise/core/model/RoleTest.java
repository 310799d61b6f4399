package org.minutewise.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoleTest {
    /** The list an error offers is built from the enum: every role parse accepts, SLPA too, in declaration order. */
    @Test
    void theWireNamesAreEveryRoleParseAccepts() {
        assertThat(Role.wireNames()).isEqualTo("PT, PTA, OT, OTA, SLP, SLPA, MD, NPP, DC, AIDE");
        assertThat(Role.wireNames().split(", ")).containsExactly(Arrays.stream(Role.values()).map(Role::name)
                .toArray(String[]::new));
        for (String name : Role.wireNames().split(", ")) {
            assertThat(Role.parse(name)).as(name).isPresent();
            assertThat(Role.parse(name.toLowerCase(java.util.Locale.ROOT))).as(name).isPresent();
        }
    }
}
