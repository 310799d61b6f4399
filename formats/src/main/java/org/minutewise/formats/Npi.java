package org.minutewise.formats;

/** National Provider Identifier check: 10 digits, the last a Luhn check digit over "80840" + the first 9. */
public final class Npi {
    private Npi() {
    }

    public static boolean valid(String npi) {
        if (npi == null || npi.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (!Character.isDigit(npi.charAt(i))) {
                return false;
            }
        }
        // Luhn over 80840 + first nine digits; the constant prefix contributes 24.
        int sum = 24;
        boolean dbl = true;
        for (int i = 8; i >= 0; i--) {
            int d = npi.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0';
    }
}
