package vn.cadretraining.shared.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void namesCannotEndTheScriptTheJsonIsWrittenInto() {
        String json = "{\"labels\":[\"</script><script>alert(2)//<!-- a & b \u2028\u2029\"],\"n\":1}";
        assertEquals("{\"labels\":[\"\\u003c/script\\u003e\\u003cscript\\u003ealert(2)//\\u003c!-- a \\u0026 b"
                + " \\u2028\\u2029\"],\"n\":1}", ScriptJson.escape(json));
    }
}
