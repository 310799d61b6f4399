package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How question text is cut into tokens before ids, numbers and synonyms are found in it. */
final class QueryText {
    private static final Pattern DIGIT_UNIT = Pattern.compile("(?i)(\\d)(mins?|minutes?|units?|u|hrs?)\\b");

    private QueryText() {
    }

    /**
     * Tokens in their original case: letters, digits and inner dots (I69.351); an apostrophe is dropped
     * (what's is whats); "38min" is "38 min"; everything else separates.
     */
    static List<String> rawTokens(String text) {
        String t = DIGIT_UNIT.matcher(text.replace('\u2019', '\'').replace("'", "")).replaceAll("$1 $2");
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : ' ';
            boolean keep = Character.isLetterOrDigit(c) || (c == '.' && sb.length() > 0 && i + 1 < t.length()
                    && Character.isLetterOrDigit(t.charAt(i + 1)));
            if (keep) {
                sb.append(c);
            } else if (sb.length() > 0) {
                out.add(sb.toString());
                sb.setLength(0);
            }
        }
        return out;
    }

    /** Lower-case tokens. */
    static List<String> tokens(String text) {
        List<String> raw = rawTokens(text);
        List<String> out = new ArrayList<>(raw.size());
        for (String r : raw) {
            out.add(r.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** A token without a plural "s" (units is unit; class stays class), for phrase matching. */
    static String base(String token) {
        int n = token.length();
        if (n > 3 && token.charAt(n - 1) == 's' && token.charAt(n - 2) != 's' && !Character.isDigit(token.charAt(0))) {
            return token.substring(0, n - 1);
        }
        return token;
    }

    static boolean isNumber(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
