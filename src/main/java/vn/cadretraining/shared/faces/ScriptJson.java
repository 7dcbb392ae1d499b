package vn.cadretraining.shared.faces;

/**
 * JSON made safe inside an HTML script element, where components such as p:chart write it as it is: a name holding
 * {@code </script>} or {@code <!--} must not end or change the element, and U+2028/U+2029 must not end a line of
 * script. These characters can only occur inside JSON strings, where their backslash-u escapes mean the same
 * characters to the script that reads them.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
